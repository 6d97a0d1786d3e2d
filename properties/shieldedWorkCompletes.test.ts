/**
 * Law: shielded work completes, whoever is cancelled while awaiting it.
 *
 * Random scenarios: an inner coroutine sleeps `s` (0 included) and then
 * returns a value or throws an error. Main starts it as a task, or the one
 * awaiter hands the bare coroutine to shield() (which wraps it in a task, as
 * ensure_future does). One to three awaiter tasks each sleep `pre` and
 * then await shield(inner); each may be cancelled at a random time `c`
 * (a timer calling task.cancel()). Under every strategy (cpython, fifo,
 * random with random seeds), in both coroutine styles:
 *   - inner always completes, s after it started, with its own result or
 *     error, however many awaiters were cancelled;
 *   - an awaiter that is never cancelled sees exactly inner's outcome;
 *   - a cancelled awaiter sees CancelledError iff it was cancelled before it
 *     resumed with inner's outcome: clearly before max(s, pre) means
 *     CancelledError, clearly after means inner's outcome ("clearly": at
 *     least 1e-6 apart; at equal or nearly equal times the cancel races the
 *     completion by timer and ready order, and either outcome is right);
 *   - a CancelledError arrives at the cancel time, an outcome at max(inner's
 *     end, pre) (both up to the clock resolution early, when a timer pops
 *     together with a nearly equal one).
 *
 * Replay a failure: fast-check prints `seed` and `path` with the
 * counterexample; put them in that property's fc.assert options,
 * fc.assert(prop, { seed, path, endOnFailure: true }), or add the
 * counterexample to `examples` below (every one found is kept there).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CancelledError, type Task, createTask, gather, getRunningLoop, run, runSync, shield, sleep } from "../src/index.js";
import { runs } from "./support/config.js";
import { type Schedule, type Style, loopOptions, scheduleArb } from "./support/scheduleArb.js";

const M = 1e-6;

interface Scenario {
  s: number;
  fails: boolean;
  innerAsTask: boolean;
  awaiters: { pre: number; cancelAt: number | null }[];
}

interface AwaiterRec {
  outcome?: string; // "value:<v>", "error:<message>", "CancelledError"
  at?: number;
}

interface Rec {
  innerStartedAt?: number;
  innerDoneAt?: number;
  innerOutcome?: string;
  awaiters: AwaiterRec[];
}

const timeArb = fc.oneof(
  { arbitrary: fc.constantFrom(0, 0.5, 1, 1, 2), weight: 3 },
  { arbitrary: fc.double({ min: 0, max: 3, noNaN: true }), weight: 2 },
);
/** A bare coroutine can be handed to one shield() only: then there is one awaiter. */
const scenarioArb: fc.Arbitrary<Scenario> = fc
  .record({
    s: timeArb,
    fails: fc.boolean(),
    innerAsTask: fc.constantFrom(true, true, false),
    awaiters: fc.array(
      fc.record({ pre: fc.constantFrom(0, 0, 0.5, 1, 3.5), cancelAt: fc.option(timeArb, { nil: null, freq: 4 }) }),
      { minLength: 1, maxLength: 3 },
    ),
  })
  .map((sc) => (sc.innerAsTask ? sc : { ...sc, awaiters: sc.awaiters.slice(0, 1) }));

const now = (): number => getRunningLoop().time();

function innerOutcome(sc: Scenario): string {
  return sc.fails ? "error:inner failed" : "value:42";
}

function describeOutcome(e: unknown): string {
  if (e instanceof CancelledError) return "CancelledError";
  return `error:${(e as Error).message}`;
}

// ------------------------------------------------------------------ generator style

function* genInner(sc: Scenario, rec: Rec): Generator<unknown, number, unknown> {
  rec.innerStartedAt = now();
  yield* sleep(sc.s);
  rec.innerDoneAt = now();
  if (sc.fails) {
    rec.innerOutcome = "error:inner failed";
    throw new Error("inner failed");
  }
  rec.innerOutcome = "value:42";
  return 42;
}

function* genAwaiter(sc: Scenario, i: number, inner: Task<number> | null, rec: Rec): Generator<unknown, void, unknown> {
  const a = rec.awaiters[i];
  try {
    yield* sleep(sc.awaiters[i].pre);
    // a bare coroutine: shield() wraps it in a task (ensure_future)
    const v = yield* shield(inner ?? genInner(sc, rec));
    a.outcome = `value:${v}`;
  } catch (error) {
    a.outcome = describeOutcome(error);
  }
  a.at = now();
}

function* genMain(sc: Scenario, rec: Rec): Generator<unknown, void, unknown> {
  const loop = getRunningLoop();
  const inner = sc.innerAsTask ? createTask(() => genInner(sc, rec)) : null;
  const tasks = sc.awaiters.map((aw, i) => {
    const t = createTask(() => genAwaiter(sc, i, inner, rec));
    if (aw.cancelAt !== null) loop.callLater(aw.cancelAt, () => t.cancel());
    return t;
  });
  yield* gather(...tasks);
  // inner completes even if every awaiter left early (main never cancels it)
  if (inner !== null) yield* gather(inner, { returnExceptions: true });
  else yield* sleep(10);
}

// ------------------------------------------------------------------ async style

async function asyncInner(sc: Scenario, rec: Rec): Promise<number> {
  rec.innerStartedAt = now();
  await sleep(sc.s);
  rec.innerDoneAt = now();
  if (sc.fails) {
    rec.innerOutcome = "error:inner failed";
    throw new Error("inner failed");
  }
  rec.innerOutcome = "value:42";
  return 42;
}

async function asyncAwaiter(sc: Scenario, i: number, inner: Task<number> | null, rec: Rec): Promise<void> {
  const a = rec.awaiters[i];
  try {
    await sleep(sc.awaiters[i].pre);
    // a bare coroutine, as the zero-argument function shield() wraps in a task
    const v = await shield(inner ?? (() => asyncInner(sc, rec)));
    a.outcome = `value:${v}`;
  } catch (error) {
    a.outcome = describeOutcome(error);
  }
  a.at = now();
}

async function asyncMain(sc: Scenario, rec: Rec): Promise<void> {
  const loop = getRunningLoop();
  const inner = sc.innerAsTask ? createTask(() => asyncInner(sc, rec)) : null;
  const tasks = sc.awaiters.map((aw, i) => {
    const t = createTask(() => asyncAwaiter(sc, i, inner, rec));
    if (aw.cancelAt !== null) loop.callLater(aw.cancelAt, () => t.cancel());
    return t;
  });
  await gather(...tasks);
  if (inner !== null) await gather(inner, { returnExceptions: true });
  else await sleep(10);
}

// ------------------------------------------------------------------ the law

async function runScenario(sc: Scenario, style: Style, s: Schedule): Promise<Rec> {
  const rec: Rec = { awaiters: sc.awaiters.map(() => ({})) };
  if (style === "gen") runSync(() => genMain(sc, rec), loopOptions(s));
  else await run(() => asyncMain(sc, rec), loopOptions(s));
  return rec;
}

const R = 1e-9; // clock resolution: a timer may pop up to R early, with another one

function expectAbout(got: number | undefined, want: number): void {
  expect(got).toBeGreaterThanOrEqual(want - R);
  expect(got).toBeLessThanOrEqual(want);
}

function checkLaw(sc: Scenario, rec: Rec): { clear: number } {
  let clear = 0;
  if (rec.innerStartedAt === undefined) {
    // only a bare coroutine never handed to shield(): its one awaiter was cancelled first
    expect(sc.innerAsTask).toBe(false);
    expect(rec.awaiters[0].outcome).toBe("CancelledError");
  } else {
    // inner ran to its end, with its own outcome, s after it started
    expect(rec.innerOutcome).toBe(innerOutcome(sc));
    expectAbout(rec.innerDoneAt, rec.innerStartedAt + (sc.s > 0 ? sc.s : 0));
  }
  const innerEnd = rec.innerDoneAt;
  sc.awaiters.forEach((aw, i) => {
    const a = rec.awaiters[i];
    if (a.outcome === "CancelledError") {
      expect(aw.cancelAt).not.toBeNull();
      expectAbout(a.at, aw.cancelAt as number);
    } else {
      expect(a.outcome).toBe(innerOutcome(sc));
      expectAbout(a.at, Math.max(innerEnd as number, aw.pre));
    }
    if (aw.cancelAt === null || innerEnd === undefined) return;
    const resumeAt = Math.max(innerEnd, aw.pre);
    if (Math.abs(aw.cancelAt - resumeAt) > M && Math.abs(aw.cancelAt - aw.pre) > M) {
      clear++;
      expect(a.outcome).toBe(aw.cancelAt < resumeAt ? "CancelledError" : innerOutcome(sc));
    }
  });
  return { clear };
}

/** Hand-picked races (no counterexample has been found so far). */
const examples: [Scenario, Style, Schedule][] = [
  // cancelled at the very time inner finishes: either outcome, inner completes
  [{ s: 1, fails: false, innerAsTask: true, awaiters: [{ pre: 0, cancelAt: 1 }, { pre: 0, cancelAt: null }] }, "gen", { strategy: "random", seed: 9 }],
  // the bare coroutine is handed to shield() by an awaiter that is cancelled at once: inner still runs
  [{ s: 2, fails: true, innerAsTask: false, awaiters: [{ pre: 1, cancelAt: 1.5 }] }, "gen", { strategy: "cpython", seed: 0 }],
  // an awaiter arrives after inner finished: shield() returns inner itself
  [{ s: 0.5, fails: false, innerAsTask: true, awaiters: [{ pre: 3.5, cancelAt: 3 }, { pre: 1, cancelAt: 2 }] }, "async", { strategy: "fifo", seed: 0 }],
];

describe("law: shielded work completes", () => {
  it("inner completes; an awaiter sees CancelledError iff cancelled before it resumed (every strategy, both styles)", async () => {
    const N = runs(5000);
    let clear = 0;
    await fc.assert(
      fc.asyncProperty(scenarioArb, fc.constantFrom<Style>("gen", "gen", "async"), scheduleArb, async (sc, style, s) => {
        const rec = await runScenario(sc, style, s);
        clear += checkLaw(sc, rec).clear;
      }),
      { numRuns: N, examples },
    );
    // the iff was decided often (about 0.7 clear cancels per run)
    expect(clear).toBeGreaterThan(N / 3);
  });
});
