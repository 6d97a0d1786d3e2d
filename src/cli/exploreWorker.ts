/**
 * A worker thread of `vloop explore --workers N`: explores chunks of run
 * indices of one shard and reports each chunk's first failing run (without
 * shrinking; the main process shrinks the winner). Messages: the pool sends
 * `{ id, task }`, the worker answers `{ id, result }` or `{ id, error }`.
 */
import { parentPort } from "node:worker_threads";
import { NondeterminismError, explore, type ExploreOptions } from "../explore/explore.js";
import { exported, loadFile } from "./load.js";
import { refuseProcessExit } from "./processExit.js";

export interface ChunkTask {
  file: string;
  exportName: string;
  options: Omit<ExploreOptions, "onProgress">;
}

export interface ChunkResult {
  failed: boolean;
  runs: number;
  runIndex?: number;
  seed?: string;
  tape?: string;
  /** the failing run's strategy (portfolio: its lane) */
  strategy?: string;
  error?: string;
  /** the program is not deterministic (--self-check): the report */
  nondeterministic?: string;
  /** dfs: the failing run's schedule */
  dfsTape?: string;
  /** dfs in parts: the schedules this part ran */
  dfsRuns?: string[];
  /** dfs: the part's search ended */
  exhausted?: boolean;
}

/** Explores one chunk of run indices. */
export async function exploreChunk(task: ChunkTask): Promise<ChunkResult> {
  const loaded = await loadFile(task.file);
  const program = exported(loaded, task.exportName);
  const r = await explore(program, { ...task.options, shrink: false });
  return {
    failed: r.failed,
    runs: r.runs,
    runIndex: r.runIndex,
    seed: r.seed,
    tape: r.tape,
    strategy: r.strategy,
    error: r.error instanceof Error ? `${r.error.name}: ${r.error.message}` : r.failed ? String(r.error) : undefined,
    nondeterministic: r.error instanceof NondeterminismError ? r.error.message : undefined,
    dfsTape: r.dfsTape,
    dfsRuns: r.dfsRuns,
    exhausted: r.exhausted,
  };
}

const port = parentPort;
if (port !== null) {
  refuseProcessExit();
  port.on("message", (message: { id: number; task: ChunkTask }) => {
    exploreChunk(message.task).then(
      (result) => port.postMessage({ id: message.id, result }),
      (error: unknown) => port.postMessage({ id: message.id, error: error instanceof Error ? error.message : String(error) }),
    );
  });
}
