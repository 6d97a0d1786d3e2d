/**
 * Law: runs in flight together give what each gives alone.
 *
 * A handful of random task programs (support/taskProgram.ts), each with its
 * own style (async functions under run(), generators under run(), generators
 * under runSync()), strategy and seed, are run once each, one after the
 * other; then all together: every job starts after its own number of
 * microtask hops, so a run() may start while another is paused in its async
 * bodies (it waits for its turn, src/loop/turns.ts) and a runSync() may run
 * in between two microtasks of another run. Each job must give the same
 * trace, event for event, the same tape and the same result as alone.
 *
 * Replay a failure: fast-check prints `seed` and `path`; put them in the
 * fc.assert options below: fc.assert(prop, { seed, path }).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type EventLoop, type LoopOptions, run, runSync } from "../src/index.js";
import { ArrayTracer } from "../src/loop/trace.js";
import { runs } from "./support/config.js";
import { type TaskProgram, asyncMain, genMain, taskProgramArb } from "./support/taskProgram.js";

type Style = "async" | "gen" | "sync";

interface Job {
  program: TaskProgram;
  style: Style;
  strategy: "cpython" | "fifo" | "random" | "pct";
  seed: number;
  /** microtask hops before the job starts (together only) */
  hops: number;
}

const jobArb: fc.Arbitrary<Job> = fc.record({
  program: taskProgramArb,
  style: fc.constantFrom<Style>("async", "async", "gen", "sync"),
  strategy: fc.constantFrom("cpython", "fifo", "random", "pct"),
  seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
  hops: fc.nat(12),
});

interface Outcome {
  result: string;
  tape: number[];
  events: unknown[];
}

async function runJob(job: Job): Promise<Outcome> {
  const tracer = new ArrayTracer();
  let loop: EventLoop | null = null;
  const options: LoopOptions = { strategy: job.strategy, seed: job.seed, tracer, onLoop: (l) => (loop = l) };
  let result: string;
  try {
    const value =
      job.style === "sync"
        ? runSync(genMain(job.program), options)
        : await run(job.style === "gen" ? genMain(job.program) : asyncMain(job.program), options);
    result = JSON.stringify(value);
  } catch (error) {
    result = `raised ${(error as Error).name}: ${(error as Error).message}`;
  }
  return { result, tape: [...(loop as unknown as EventLoop).tape], events: tracer.events };
}

async function afterHops(n: number): Promise<void> {
  for (let i = 0; i < n; i++) await Promise.resolve();
}

describe("law: runs in flight together give what each gives alone", () => {
  it("on random task programs, in every style, trace for trace", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(jobArb, { minLength: 2, maxLength: 5 }), async (jobs) => {
        const alone: Outcome[] = [];
        for (const job of jobs) alone.push(await runJob(job));
        const together = await Promise.all(jobs.map((job) => afterHops(job.hops).then(() => runJob(job))));
        for (let i = 0; i < jobs.length; i++) {
          expect(together[i].result, `job ${i} (${jobs[i].style})`).toBe(alone[i].result);
          expect(together[i].tape, `job ${i} (${jobs[i].style})`).toEqual(alone[i].tape);
          expect(together[i].events, `job ${i} (${jobs[i].style})`).toEqual(alone[i].events);
        }
      }),
      { numRuns: runs(150) },
    );
  });
});
