/**
 * Law 4: the same program, seed and strategy give the same trace (hash) twice.
 *
 * A run is meant to be a pure function of (program, seed, strategy)
 * (DESIGN.md): run a random task program twice in one process, with a fresh
 * ArrayTracer each time, and compare the sha256 of the trace events, the
 * choice tape and the result. Strategies: cpython, fifo, random (random
 * seeds); programs: tasks doing sleep(d), sleep(0), child + await, gather of
 * children and cancelling a sibling (support/taskProgram.ts), in both
 * coroutine styles (generator under runSync, async functions under run).
 *
 * Regression: up to f11db7b this failed (found by this law, fixed by the lead
 * in cc9946d): futures were numbered for messages by one process-wide
 * counter, and the numbers appear in trace events (`resolve.future`,
 * `suspend.on`: "<Future#812 sleep(1) pending>") and DeadlockError messages,
 * so a second run's trace differed from the first. Shrunk counterexamples:
 * no tasks at all (main's `gather()` future resolved as `<Future#1 finished>`,
 * then `<Future#2 finished>`), and, before resolve events existed, one task
 * with no ops. Both are kept as fixed examples.
 *
 * Replay a failure: fast-check prints `seed` and `path`; put them in the
 * fc.assert options below: fc.assert(prop, { seed, path }).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { run, runSync } from "../src/index.js";
import type { EventLoop, LoopOptions } from "../src/index.js";
import { ArrayTracer, type TraceEvent } from "../src/loop/trace.js";
import { runs } from "./support/config.js";
import { type TaskProgram, asyncMain, genMain, taskProgramArb, traceHash } from "./support/taskProgram.js";

type Strategy = "cpython" | "fifo" | "random";
type Style = "gen" | "async";

interface Outcome {
  events: TraceEvent[];
  tape: number[];
  result: string;
}

async function runOnce(program: TaskProgram, style: Style, strategy: Strategy, seed: number): Promise<Outcome> {
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

const argsArb = fc.tuple(
  taskProgramArb,
  fc.constantFrom<Style>("gen", "async"),
  fc.constantFrom<Strategy>("cpython", "fifo", "random"),
  fc.integer({ min: 0, max: 2 ** 31 - 1 }),
);

// shrunk counterexamples of the future-number bug (fixed in cc9946d)
const examples: [[TaskProgram, Style, Strategy, number]][] = [
  [[{ tasks: [] }, "gen", "cpython", 0]],
  [[{ tasks: [{ ops: [], catchCancel: false }] }, "gen", "cpython", 0]],
];

describe("law 4: the same seed and strategy give the same trace twice", () => {
  it("trace hash, tape and result are equal across two runs", async () => {
    let randomChoices = 0;
    await fc.assert(
      fc.asyncProperty(argsArb, async ([program, style, strategy, seed]) => {
        const a = await runOnce(program, style, strategy, seed);
        const b = await runOnce(program, style, strategy, seed);
        expect(b.result).toBe(a.result);
        expect(b.tape).toEqual(a.tape);
        expect(traceHash(b.events), "trace hash of the second run").toBe(traceHash(a.events));
        if (strategy === "random" && a.tape.some((k) => k !== 0)) randomChoices++;
      }),
      { numRuns: runs(500), examples },
    );
    // the random strategy really departed from CPython's order in many runs
    expect(randomChoices).toBeGreaterThan(20);
  });

  it("different seeds can give different schedules under the random strategy (the seed matters)", async () => {
    const program: TaskProgram = {
      tasks: Array.from({ length: 5 }, () => ({ ops: [{ k: "sleep" as const, d: 0 }, { k: "sleep" as const, d: 1 }], catchCancel: false })),
    };
    const hashes = new Set<string>();
    for (let seed = 0; seed < 10; seed++) {
      hashes.add(traceHash((await runOnce(program, "gen", "random", seed)).events));
    }
    expect(hashes.size).toBeGreaterThan(1);
  });
});
