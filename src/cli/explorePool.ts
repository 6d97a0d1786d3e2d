/**
 * Parallel exploration with a worker pool (tinypool): the seed range is cut
 * into chunks of run indices, chunks run on N workers, and the failing run
 * with the lowest index wins. Every run's schedule depends only on its seed
 * and index, so the result is the same whatever the number of workers, and
 * the same as with `--shard i/n` on n machines.
 */
import { fileURLToPath } from "node:url";
import { Tinypool } from "tinypool";
import type { ExploreOptions } from "../explore/explore.js";
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

export async function explorePool(opts: PoolOptions): Promise<PoolResult> {
  const total = opts.options.runs ?? 1000;
  const shard = opts.options.shard ?? { index: 0, count: 1 };
  const chunk = Math.max(shard.count, opts.chunk ?? 50 * shard.count);
  const pool = new Tinypool({
    filename: fileURLToPath(new URL("./exploreWorker.mjs", import.meta.url)),
    minThreads: opts.workers,
    maxThreads: opts.workers,
  });
  let best: ChunkResult | undefined;
  let runs = 0;
  let done = 0;
  try {
    const jobs: Promise<void>[] = [];
    for (let from = 0; from < total; from += chunk) {
      const task: ChunkTask = {
        file: opts.file,
        exportName: opts.exportName,
        options: { ...opts.options, from, runs: Math.min(chunk, total - from) },
      };
      jobs.push(
        (async () => {
          if (best?.runIndex !== undefined && best.runIndex < from) return; // a lower failing run is already known
          const r = (await pool.run(task)) as ChunkResult;
          runs += r.runs;
          done += Math.min(chunk, total - from);
          opts.onProgress?.(Math.min(done, total), total);
          if (r.failed && (best === undefined || (r.runIndex ?? Infinity) < (best.runIndex ?? Infinity))) best = r;
        })(),
      );
    }
    await Promise.all(jobs);
  } finally {
    await pool.destroy();
  }
  return { failed: best !== undefined, runs, first: best };
}
