/**
 * Law 5: the generator style and the async style give the same trace.
 *
 * The same random task program (support/taskProgram.ts: sleep(d), sleep(0),
 * child + await, gather of children, cancelling a sibling, tasks that catch
 * cancellations) is interpreted once as `function*` coroutines (under
 * runSync, which has no microtasks at all) and once as `async` functions
 * (under run()). The two runs must emit the same list of trace events, event
 * for event, make the same choices (tape) and return the same result, under
 * the cpython, fifo and random strategies.
 *
 * Events are compared as they are, future numbers in messages included
 * (they are per loop since cc9946d).
 *
 * Replay a failure: fast-check prints `seed` and `path`; put them in the
 * fc.assert options below: fc.assert(prop, { seed, path }).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { run, runSync } from "../src/index.js";
import type { EventLoop, LoopOptions } from "../src/index.js";
import { ArrayTracer } from "../src/loop/trace.js";
import { runs } from "./support/config.js";
import { type TaskProgram, asyncMain, genMain, taskProgramArb } from "./support/taskProgram.js";

type Strategy = "cpython" | "fifo" | "random";

async function runStyle(program: TaskProgram, style: "gen" | "async", strategy: Strategy, seed: number) {
  const tracer = new ArrayTracer();
  let loop: EventLoop | null = null;
  const options: LoopOptions = { strategy, seed, tracer, onLoop: (l) => (loop = l) };
  let result: string;
  try {
    const value = style === "gen" ? runSync(genMain(program), options) : await run(asyncMain(program), options);
    result = JSON.stringify(value);
  } catch (error) {
    result = `raised ${(error as Error).name}: ${(error as Error).message}`;
  }
  return { events: tracer.events, tape: [...(loop as unknown as EventLoop).tape], result };
}

const examples: [TaskProgram, Strategy, number][] = [
  // a task cancelling itself, a sibling cancelled while it awaits a child and a gather
  [
    {
      tasks: [
        { ops: [{ k: "cancel", sibling: 0 }, { k: "sleep", d: 1 }, { k: "sleep", d: 0 }], catchCancel: true },
        { ops: [{ k: "child", ops: [{ k: "sleep", d: 2 }] }, { k: "gather", children: [[{ k: "sleep", d: 1 }], []] }], catchCancel: true },
        { ops: [{ k: "sleep", d: 0.5 }, { k: "cancel", sibling: 1 }, { k: "sleep", d: 2 }, { k: "cancel", sibling: 1 }], catchCancel: false },
      ],
    },
    "cpython",
    0,
  ],
];

describe("law 5: generator and async coroutines give the same trace", () => {
  it("on random task programs, event for event", async () => {
    await fc.assert(
      fc.asyncProperty(
        taskProgramArb,
        fc.constantFrom<Strategy>("cpython", "fifo", "random"),
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        async (program, strategy, seed) => {
          const gen = await runStyle(program, "gen", strategy, seed);
          const asy = await runStyle(program, "async", strategy, seed);
          expect(asy.result).toBe(gen.result);
          expect(asy.tape).toEqual(gen.tape);
          expect(asy.events).toEqual(gen.events);
        },
      ),
      { numRuns: runs(400), examples },
    );
  });
});
