/**
 * Parallel exploration on worker threads: the seed range is cut into chunks
 * of run indices, N workers take chunks in order, and the failing run with
 * the lowest index wins. Every run's schedule depends only on its seed and
 * index, so the result is the same whatever the number of workers, and the
 * same as with `--shard i/n` on n machines.
 */
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { ExploreOptions } from "../explore/explore.js";
import { combineDfsParts } from "../schedule/dfs.js";
import { CliError } from "./load.js";
import type { ChunkResult, ChunkTask } from "./exploreWorker.js";

export interface PoolOptions {
  file: string;
  exportName: string;
  workers: number;
  chunk?: number;
  options: Omit<ExploreOptions, "onProgress" | "from">;
  onProgress?: (done: number, total: number) => void;
}

export interface PoolResult {
  failed: boolean;
  runs: number;
  first?: ChunkResult;
}

/** The most worker threads worth starting: the machine's available parallelism. */
export function maxWorkers(): number {
  return availableParallelism();
}

/** The worker's entry: in a clone the command line runs from src/ through tsx, and threads need it registered again. */
function workerUrl(): URL {
  return import.meta.url.endsWith(".ts") ? new URL("./exploreWorker.mjs", import.meta.url) : new URL("./exploreWorker.js", import.meta.url);
}

export async function explorePool(opts: PoolOptions): Promise<PoolResult> {
  const total = opts.options.runs ?? 1000;
  const shard = opts.options.shard ?? { index: 0, count: 1 };
  const chunk = Math.max(shard.count, opts.chunk ?? 50 * shard.count);
  const chunks: ChunkTask[] = [];
  for (let from = 0; from < total; from += chunk) {
    chunks.push({ file: opts.file, exportName: opts.exportName, options: { ...opts.options, from, runs: Math.min(chunk, total - from) } });
  }
  let best: ChunkResult | undefined;
  let runs = 0;
  let done = 0;
  let next = 0;
  const workers = Array.from({ length: Math.min(opts.workers, Math.max(1, chunks.length)) }, () => new Worker(workerUrl()));
  try {
    await Promise.all(
      workers.map(async (worker) => {
        for (;;) {
          const task = chunks[next++];
          if (task === undefined) return;
          const from = task.options.from ?? 0;
          if (best?.runIndex !== undefined && best.runIndex < from) continue; // a lower failing run is already known
          const r = await runOn(worker, task);
          runs += r.runs;
          done += task.options.runs ?? 0;
          opts.onProgress?.(Math.min(done, total), total);
          if (r.failed && (best === undefined || (r.runIndex ?? Infinity) < (best.runIndex ?? Infinity))) best = r;
        }
      }),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return { failed: best !== undefined, runs, first: best };
}

let ids = 0;

/** Sends one chunk to a worker and waits for its answer (or its death). */
function runOn(worker: Worker, task: ChunkTask): Promise<ChunkResult> {
  const id = ids++;
  return new Promise((resolve, reject) => {
    const onMessage = (m: { id: number; result?: ChunkResult; error?: string }) => {
      if (m.id !== id) return;
      cleanup();
      if (m.error !== undefined) reject(new CliError(m.error));
      else resolve(m.result as ChunkResult);
    };
    const onError = (e: Error) => {
      cleanup();
      reject(e);
    };
    const onExit = (code: number) => {
      cleanup();
      reject(new Error(`an explore worker exited with code ${code} before answering`));
    };
    const cleanup = () => {
      worker.off("message", onMessage);
      worker.off("error", onError);
      worker.off("exit", onExit);
    };
    worker.on("message", onMessage);
    worker.on("error", onError);
    worker.on("exit", onExit);
    worker.postMessage({ id, task });
  });
}

/**
 * dfs on N worker threads: the search's tree is cut into N parts below its
 * root (schedule/dfs.ts), each worker searches one (within the shard the
 * user asked for, if any: part i + n*w of n*N), and the failure the unsplit
 * search meets first wins, numbered as the unsplit search numbers its runs.
 */
export async function exploreDfsPool(opts: PoolOptions): Promise<PoolResult & { exhausted: boolean; dfsRuns: string[] }> {
  const budget = opts.options.runs ?? 1000;
  const user = opts.options.shard ?? { index: 0, count: 1 };
  const workers = Array.from({ length: opts.workers }, () => new Worker(workerUrl()));
  try {
    const results = await Promise.all(
      workers.map((worker, w) => {
        const part = { index: user.index + user.count * w, count: user.count * opts.workers };
        return runOn(worker, { file: opts.file, exportName: opts.exportName, options: { ...opts.options, shard: part, from: 0, runs: budget } });
      }),
    );
    opts.onProgress?.(budget, budget);
    const nondeterministic = results.find((r) => r.nondeterministic !== undefined);
    const parts = results.map((r) => ({
      ran: r.dfsRuns ?? [],
      failure: r.failed && r.dfsTape !== undefined ? { tape: r.dfsTape, value: r } : undefined,
      exhausted: r.exhausted,
    }));
    const { failure, runs, exhausted, ran } = combineDfsParts(parts, budget);
    if (nondeterministic) return { failed: true, runs: ran.length, first: nondeterministic, exhausted: false, dfsRuns: ran };
    if (failure !== null) {
      const first = { ...failure.value, runIndex: failure.index, seed: `${opts.options.seed ?? 0}/${failure.index}` };
      return { failed: true, runs, first, exhausted: false, dfsRuns: ran };
    }
    return { failed: false, runs, exhausted, dfsRuns: ran };
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
