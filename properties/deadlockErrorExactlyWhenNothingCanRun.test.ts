/**
 * Law 7: run() throws DeadlockError exactly when nothing can run, and the
 * message names every unfinished task.
 *
 * Random programs: a few futures, each maybe resolved by a timer
 * (callLater(d), d may be 0 or negative; some of those timers are cancelled
 * at once, so they sit in the heap but must not count as work); a few tasks named w0, w1, ..., each
 * doing a sequence of `wait f` (await future f), `set f` (resolve f unless
 * done) and `sleep d`. Main (renamed "main") awaits gather(all tasks).
 * A model decides which tasks can finish: the least fixpoint where a future
 * is done if a timer resolves it or a task that can get as far sets it; a
 * task is stuck if it waits on a future that is never done. The order of
 * events cannot matter (a done future stays done), so the model needs no
 * schedule, and the law holds under every strategy.
 * Then: run() throws DeadlockError iff some task is stuck, and then its
 * message lists exactly main and the stuck tasks as unfinished (one
 * "  <name>: ..." line each). Both coroutine styles (generator tasks under
 * runSync, async tasks under run), strategies cpython, fifo, random.
 *
 * Replay a failure: fast-check prints `seed` and `path`; put them in the
 * fc.assert options below: fc.assert(prop, { seed, path }).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DeadlockError, createTask, currentTask, gather, getRunningLoop, run, runSync, sleep } from "../src/index.js";
import type { Future, LoopOptions, Task } from "../src/index.js";
import { runs } from "./support/config.js";

type DOp = { k: "wait"; f: number } | { k: "set"; f: number } | { k: "sleep"; d: number };
interface DeadlockProgram {
  /** per future: the timer that resolves it (maybe cancelled at once), or null for none */
  timers: ({ d: number; cancelled: boolean } | null)[];
  tasks: DOp[][];
}
type Strategy = "cpython" | "fifo" | "random";

const programArb: fc.Arbitrary<DeadlockProgram> = fc.integer({ min: 1, max: 5 }).chain((nf) =>
  fc.record({
    timers: fc.array(
      fc.option(fc.record({ d: fc.constantFrom(-1, 0, 0.5, 1, 1, 2, 3), cancelled: fc.boolean() }), { nil: null, freq: 2 }),
      { minLength: nf, maxLength: nf },
    ),
    tasks: fc.array(
      fc.array(
        fc.oneof(
          { arbitrary: fc.record({ k: fc.constant("wait" as const), f: fc.nat(nf - 1) }), weight: 3 },
          { arbitrary: fc.record({ k: fc.constant("set" as const), f: fc.nat(nf - 1) }), weight: 2 },
          { arbitrary: fc.record({ k: fc.constant("sleep" as const), d: fc.constantFrom(0, 0.5, 1, 2) }), weight: 1 },
        ),
        { maxLength: 5 },
      ),
      { maxLength: 5 },
    ),
  }),
);

/** The model: which tasks can never finish. */
function stuckTasks(p: DeadlockProgram): number[] {
  const done = p.timers.map((t) => t !== null && !t.cancelled);
  const pc = p.tasks.map(() => 0);
  for (let changed = true; changed; ) {
    changed = false;
    p.tasks.forEach((ops, i) => {
      while (pc[i] < ops.length) {
        const op = ops[pc[i]];
        if (op.k === "wait" && !done[op.f]) break;
        if (op.k === "set") done[op.f] = true;
        pc[i]++;
        changed = true;
      }
    });
  }
  return p.tasks.flatMap((ops, i) => (pc[i] < ops.length ? [i] : []));
}

function makeFutures(p: DeadlockProgram): Future<number>[] {
  const loop = getRunningLoop();
  return p.timers.map((timer, f) => {
    const fut = loop.createFuture<number>();
    if (timer !== null) {
      const handle = loop.callLater(timer.d, () => (fut.done() ? undefined : fut.setResult(f)));
      if (timer.cancelled) handle.cancel();
    }
    return fut;
  });
}

function genProgram(p: DeadlockProgram) {
  return function* () {
    currentTask()!.setName("main");
    const futs = makeFutures(p);
    const tasks = p.tasks.map((ops, i) =>
      createTask(
        function* () {
          for (const op of ops) {
            if (op.k === "wait") yield* futs[op.f];
            else if (op.k === "set") futs[op.f].done() || futs[op.f].setResult(op.f);
            else yield* sleep(op.d);
          }
        },
        { name: `w${i}` },
      ),
    );
    yield* gather(...(tasks as Task<unknown>[]));
    return "finished";
  };
}

function asyncProgram(p: DeadlockProgram) {
  return async () => {
    currentTask()!.setName("main");
    const futs = makeFutures(p);
    const tasks = p.tasks.map((ops, i) =>
      createTask(
        async () => {
          for (const op of ops) {
            if (op.k === "wait") await futs[op.f];
            else if (op.k === "set") futs[op.f].done() || futs[op.f].setResult(op.f);
            else await sleep(op.d);
          }
        },
        { name: `w${i}` },
      ),
    );
    await gather(...(tasks as Task<unknown>[]));
    return "finished";
  };
}

async function outcome(p: DeadlockProgram, style: "gen" | "async", options: LoopOptions): Promise<unknown> {
  try {
    return style === "gen" ? runSync(genProgram(p), options) : await run(asyncProgram(p), options);
  } catch (error) {
    return error;
  }
}

/** The task names on the message's "  <name>: <what it waits on>" lines. */
function unfinishedNamed(message: string): string[] {
  const after = message.split("Unfinished tasks:\n")[1] ?? "";
  return after
    .split("\n")
    .filter((line) => line.length > 0)
    .map((line) => /^ {2}([^:]+): /.exec(line)?.[1] ?? `<unparsed line: ${line}>`);
}

const examples: [DeadlockProgram, "gen" | "async", Strategy, number][] = [
  // w0 waits on f0, which only w1 sets after waiting on f1, which nobody sets
  [{ timers: [null, null], tasks: [[{ k: "wait", f: 0 }], [{ k: "wait", f: 1 }, { k: "set", f: 0 }]] }, "gen", "cpython", 0],
  // a task waits on a future it sets itself afterwards; another is freed by a timer
  [{ timers: [null, { d: 1, cancelled: false }], tasks: [[{ k: "wait", f: 0 }, { k: "set", f: 0 }], [{ k: "wait", f: 1 }]] }, "async", "fifo", 0],
  // everything resolves: a chain through timers and tasks
  [{ timers: [{ d: 2, cancelled: false }, null, null], tasks: [[{ k: "wait", f: 1 }, { k: "set", f: 2 }], [{ k: "wait", f: 0 }, { k: "set", f: 1 }], [{ k: "wait", f: 2 }]] }, "gen", "random", 7],
  // the only timer that could free w0 is cancelled: deadlock at t=0, not at t=5
  [{ timers: [{ d: 5, cancelled: true }], tasks: [[{ k: "wait", f: 0 }]] }, "async", "cpython", 0],
];

describe("law 7: DeadlockError is thrown exactly when nothing can run", () => {
  it("iff the model says some task is stuck, naming every unfinished task", async () => {
    let deadlocks = 0;
    let finishes = 0;
    await fc.assert(
      fc.asyncProperty(
        programArb,
        fc.constantFrom("gen" as const, "async" as const),
        fc.constantFrom<Strategy>("cpython", "fifo", "random"),
        fc.nat(),
        async (p, style, strategy, seed) => {
          const stuck = stuckTasks(p);
          const got = await outcome(p, style, { strategy, seed });
          if (stuck.length === 0) {
            expect(got).toBe("finished");
            finishes++;
          } else {
            expect(got).toBeInstanceOf(DeadlockError);
            const names = unfinishedNamed((got as DeadlockError).message);
            expect(names.sort()).toEqual(["main", ...stuck.map((i) => `w${i}`)].sort());
            deadlocks++;
          }
        },
      ),
      { numRuns: runs(1000), examples },
    );
    // both outcomes were exercised often
    expect(deadlocks).toBeGreaterThan(100);
    expect(finishes).toBeGreaterThan(100);
  });

  it("does not wait for a cancelled timer before declaring the deadlock", async () => {
    const got = await outcome(examples[3][0], "async", { strategy: "cpython" });
    expect(got).toBeInstanceOf(DeadlockError);
    expect((got as Error).message).toMatch(/^deadlock at t=0:/);
  });
});
