/**
 * Memory stays flat over many async-style runs. Before the shared watchdog
 * (util/macrotask.ts), each run() armed a setImmediate that held its loop,
 * tasks and driver until the next macrotask, and exploration never yields
 * one: 300,000 runs of the program below grew the heap by 500 MB (~2.5 kB a
 * run, measured). A bound of 64 MB over 1,000,000 runs cannot be met by any
 * per-run leak above ~70 bytes (measured: 7.0 MB before and after).
 *
 * The heap is sampled after a forced full collection, so it counts what the
 * runs keep alive, not garbage the collector has not reclaimed yet. Without
 * one, the peak of heapUsed is mostly dead objects the scavenger promoted to
 * the old generation (a dead promoted object keeps the young ones it points
 * to alive until the next full collection), and that moved between 20 and
 * 80 MB when nothing but the import order of the modules changed.
 */
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { describe, expect, test } from "vitest";
import { explore } from "./explore/explore.js";
import { run, sleep } from "./index.js";
import { watchedCount } from "./util/macrotask.js";

const BOUND = 64 * 1024 * 1024;

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

/** The heap in use after a full collection: what is still reachable. */
function liveHeap(): number {
  gc();
  return process.memoryUsage().heapUsed;
}

async function program(): Promise<number> {
  await sleep(1);
  return 1;
}

describe("memory over many async runs", () => {
  test("1,000,000 awaited run() calls keep the heap under a fixed bound, and the watchdog holds none of them", async () => {
    const before = liveHeap();
    let peak = 0;
    for (let i = 0; i < 1_000_000; i++) {
      await run(program);
      if ((i & 0xffff) === 0) peak = Math.max(peak, liveHeap() - before);
    }
    expect(watchedCount()).toBe(0);
    expect(peak).toBeLessThan(BOUND);
  });

  test("an exploration of 1,000,000 async runs keeps the heap under the same bound", async () => {
    const before = liveHeap();
    let peak = 0;
    const result = await explore(() => program, {
      runs: 1_000_000,
      onProgress: (done) => {
        if ((done & 0xffff) === 0) peak = Math.max(peak, liveHeap() - before);
      },
    });
    expect(result).toMatchObject({ failed: false, runs: 1_000_000 });
    expect(watchedCount()).toBe(0);
    expect(peak).toBeLessThan(BOUND);
  });

  test("a stuck run is still caught by the watchdog, and released", async () => {
    const never = new Promise<void>(() => {});
    await expect(run(async () => await never)).rejects.toThrow(/awaited a promise that vloop does not control/);
    expect(watchedCount()).toBe(0);
  });
});
