/**
 * A worker of `vloop explore --workers N`: explores one chunk of run indices
 * of one shard and reports the first failing run (without shrinking; the
 * main process shrinks the winner).
 */
import { explore, type ExploreOptions } from "../explore/explore.js";
import { exported, loadFile } from "./load.js";

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
  error?: string;
}

export default async function exploreChunk(task: ChunkTask): Promise<ChunkResult> {
  const loaded = await loadFile(task.file);
  const program = exported(loaded, task.exportName);
  const r = await explore(program, { ...task.options, shrink: false });
  return {
    failed: r.failed,
    runs: r.runs,
    runIndex: r.runIndex,
    seed: r.seed,
    tape: r.tape,
    error: r.error instanceof Error ? `${r.error.name}: ${r.error.message}` : r.failed ? String(r.error) : undefined,
  };
}
