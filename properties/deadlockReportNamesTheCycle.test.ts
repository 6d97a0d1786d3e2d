/**
 * Law: when tasks that only take locks deadlock, the report names a wait-for
 * cycle, and every hop of every cycle it prints is what that task's own line
 * says.
 *
 * Random programs: 2 to 4 Locks, 2 to 4 tasks w0, w1, ...; each task takes
 * a random sequence of distinct locks, nested (`asyncWith` inside
 * `asyncWith`), with a sleep(0) after each acquisition, and releases them on
 * the way out. Main (renamed "main") gathers the tasks. Under cpython, fifo
 * and random strategies, in both coroutine styles. When the run deadlocks:
 *   - every lock a task waits for is held by an unfinished task (a holder
 *     releases before it finishes), and every unfinished worker waits for a
 *     lock, so the wait-for graph has a cycle: the report has at least one
 *     "Wait-for cycle:" line;
 *   - each hop "A waits for Lock#k (held by B)" matches A's line
 *     "A: waits on Lock#k.acquire(), held by B (acquired at t=0)", and the
 *     hops close: each B is the next hop's A, the last B the first A;
 *   - no task is on two printed cycles (each cycle is one strongly connected
 *     component's, and a task waiting for one lock is on one cycle at most).
 *
 * Replay a failure: fast-check prints `seed` and `path`; put them in the
 * fc.assert options below: fc.assert(prop, { seed, path }).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DeadlockError, Lock, asyncWith, createTask, currentTask, gather, run, runSync, sleep } from "../src/index.js";
import { runs } from "./support/config.js";
import { type Schedule, type Style, loopOptions, scheduleArb } from "./support/scheduleArb.js";

interface LockOrderProgram {
  locks: number;
  /** per task: the indices of the locks it takes, outermost first (distinct) */
  orders: number[][];
}

const programArb: fc.Arbitrary<LockOrderProgram> = fc.integer({ min: 2, max: 4 }).chain((locks) =>
  fc.record({
    locks: fc.constant(locks),
    orders: fc.array(fc.uniqueArray(fc.nat(locks - 1), { minLength: 1, maxLength: locks }), { minLength: 2, maxLength: 4 }),
  }),
);

function genMain(p: LockOrderProgram) {
  return function* () {
    currentTask()!.setName("main");
    const locks = Array.from({ length: p.locks }, () => new Lock());
    function* take(order: number[], k: number): Generator<unknown, void, unknown> {
      if (k === order.length) return;
      yield* asyncWith(locks[order[k]], function* () {
        yield* sleep(0);
        yield* take(order, k + 1);
      });
    }
    yield* gather(...p.orders.map((order, i) => createTask(take(order, 0), { name: `w${i}` })));
  };
}

function asyncMain(p: LockOrderProgram) {
  return async () => {
    currentTask()!.setName("main");
    const locks = Array.from({ length: p.locks }, () => new Lock());
    async function take(order: number[], k: number): Promise<void> {
      if (k === order.length) return;
      await asyncWith(locks[order[k]], async () => {
        await sleep(0);
        await take(order, k + 1);
      });
    }
    await gather(...p.orders.map((order, i) => createTask(() => take(order, 0), { name: `w${i}` })));
  };
}

/** The DeadlockError's message, or null if the run finished. */
async function deadlockOf(p: LockOrderProgram, style: Style, schedule: Schedule): Promise<string | null> {
  try {
    if (style === "gen") runSync(genMain(p), loopOptions(schedule));
    else await run(asyncMain(p), loopOptions(schedule));
    return null;
  } catch (error) {
    if (error instanceof DeadlockError) return error.message;
    throw error;
  }
}

const HOP = /(\S+) waits for (Lock#\d+) \(held by (\S+)\)/;

/** Checks the law on one report; returns how many cycles it printed. */
function checkReport(message: string): number {
  const lines = message.split("\n");
  const cycles = lines.filter((l) => l.startsWith("Wait-for cycle: ")).map((l) => l.slice("Wait-for cycle: ".length));
  expect(cycles.length, message).toBeGreaterThan(0);
  const onACycle = new Set<string>();
  for (const cycle of cycles) {
    const hops = cycle.split(", ").map((h) => {
      const m = HOP.exec(h);
      if (m === null) throw new Error(`unparsed hop "${h}" in:\n${message}`);
      return { from: m[1], lock: m[2], holder: m[3] };
    });
    hops.forEach((hop, k) => {
      expect(lines, message).toContain(`  ${hop.from}: waits on ${hop.lock}.acquire(), held by ${hop.holder} (acquired at t=0)`);
      expect(hop.holder, message).toBe(hops[(k + 1) % hops.length].from);
      expect(onACycle.has(hop.from), message).toBe(false);
      onACycle.add(hop.from);
    });
  }
  return cycles.length;
}

const examples: [LockOrderProgram, Style, Schedule][] = [
  // the classic: two tasks, two locks, opposite orders (deadlocks in CPython's order)
  [{ locks: 2, orders: [[0, 1], [1, 0]] }, "gen", { strategy: "cpython", seed: 0 }],
  // three tasks in a ring
  [{ locks: 3, orders: [[0, 1], [1, 2], [2, 0]] }, "async", { strategy: "cpython", seed: 0 }],
  // two separate cycles
  [{ locks: 4, orders: [[0, 1], [1, 0], [2, 3], [3, 2]] }, "gen", { strategy: "fifo", seed: 0 }],
];

describe("law: a lock deadlock's report names the wait-for cycle, hop for hop", () => {
  it("every printed cycle closes and matches the tasks' own lines", async () => {
    let deadlocks = 0;
    let finishes = 0;
    await fc.assert(
      fc.asyncProperty(programArb, fc.constantFrom<Style>("gen", "async"), scheduleArb, async (p, style, schedule) => {
        const message = await deadlockOf(p, style, schedule);
        if (message === null) {
          finishes++;
          return;
        }
        checkReport(message);
        deadlocks++;
      }),
      { numRuns: runs(400), examples },
    );
    // both outcomes were exercised often
    expect(deadlocks).toBeGreaterThan(40);
    expect(finishes).toBeGreaterThan(40);
  });

  it("the examples deadlock with the cycles they are written for", async () => {
    expect(checkReport((await deadlockOf(...examples[0]))!)).toBe(1);
    expect(checkReport((await deadlockOf(...examples[1]))!)).toBe(1);
    expect(checkReport((await deadlockOf(...examples[2]))!)).toBe(2);
  });
});
