/**
 * Child process of bench/run.ts: bytes per pending task, in one style.
 *
 *   node --expose-gc --import tsx bench/memory.ts generator|async
 *
 * Runs bench/workloads/memory.ts once: 200,000 tasks suspended in sleep(1),
 * heap measured before creating them and while they all wait, each time after
 * two full GCs (global.gc, hence --expose-gc). Heap = process.memoryUsage()
 * .heapUsed: V8's live JS objects, which is where every vloop structure lives.
 *
 * One run per process, like the CPython side: a second run in the same process
 * would find tables the first one grew already grown, and under-count.
 * Prints one JSON line.
 */
import { runMemory, TASKS } from "./workloads/memory.js";

async function main(argv: string[]): Promise<void> {
  const style = argv[0];
  if (style !== "generator" && style !== "async") {
    throw new Error(`usage: memory.ts generator|async (got ${argv.join(" ")})`);
  }
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error("memory.ts needs node --expose-gc");
  const samples: number[] = [];
  const measure = (): void => {
    gc();
    gc();
    samples.push(process.memoryUsage().heapUsed);
  };
  const t0 = process.hrtime.bigint();
  await runMemory(style, measure);
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  if (samples.length !== 2) throw new Error(`memory: measure() ran ${samples.length} times, expected 2`);
  const [before, after] = samples as [number, number];
  process.stdout.write(
    JSON.stringify({
      workload: "memory",
      style,
      tasks: TASKS,
      method: "heapUsed after global.gc()",
      heapBefore: before,
      heapAfter: after,
      bytesPerTask: (after - before) / TASKS,
      seconds,
    }) + "\n",
  );
}

main(process.argv.slice(2)).catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
