/**
 * Law: no child outlives its TaskGroup, and the group reports exactly the
 * errors that happened.
 *
 * Random TaskGroup bodies: the body spawns children and sleeps between
 * spawns, and may throw an error of its own at some point. A child sleeps a
 * random time (0 included) and then returns or throws; when cancelled it
 * lets the CancelledError through, or swallows it and returns, or throws an
 * error instead, or swallows it and goes on sleeping before it returns.
 * Under every strategy (cpython, fifo, random with random seeds), in both
 * coroutine styles, once asyncWith(new TaskGroup(), body) returns or throws:
 *   - every child created in it is done();
 *   - if some child threw or the body threw, an ExceptionGroup is thrown whose
 *     `exceptions` are exactly the errors the children threw (the same
 *     objects; in the order they were thrown under cpython and fifo, where
 *     the group's done callbacks run in completion order; as a set under
 *     random, which may reorder callbacks ready in the same iteration),
 *     followed by the body's error last if the body threw;
 *   - otherwise asyncWith returns the body's result, and the body ran to its end;
 *   - the body was interrupted by CancelledError only if a child had failed;
 *   - the parent task's cancelling() is back to 0 (the group took back its
 *     own cancellation), except in CPython 3.12's corner: when the first
 *     child fails after the body has ended normally (the group is waiting in
 *     __aexit__), 3.12 cancels the parent and never uncancels it, so
 *     cancelling() stays 1 (python/cpython#116720, fixed in 3.13, which
 *     uncancels after the wait; checked under CPython 3.12.1 and 3.13.0:
 *     the third example below). vloop copies 3.12; a version option would
 *     flip the expectation below.
 *
 * Replay a failure: fast-check prints `seed` and `path` with the
 * counterexample; put them in that property's fc.assert options,
 * fc.assert(prop, { seed, path, endOnFailure: true }), or add the
 * counterexample to `examples` below (every one found is kept there).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CancelledError, ExceptionGroup, type Task, TaskGroup, asyncWith, currentTask, run, runSync, sleep } from "../src/index.js";
import { runs } from "./support/config.js";
import { type Schedule, type Style, loopOptions, scheduleArb } from "./support/scheduleArb.js";

type OnCancel = "propagate" | "swallow" | "fail" | "linger";

interface ChildSpec {
  d: number;
  fails: boolean;
  onCancel: OnCancel;
  linger: number;
}

type BodyStep = { k: "spawn"; child: ChildSpec } | { k: "sleep"; d: number } | { k: "throw" };

interface Rec {
  thrown: Error[]; // children's errors, in the order they were thrown
  bodyError?: Error;
  bodyCancelled: boolean;
  bodyFinished: boolean;
  tasks: Task<unknown>[];
  outcome?: unknown; // what asyncWith returned ("body-result") or threw
  allDone?: boolean;
  cancelling?: number;
}

const delayArb = fc.oneof(fc.constantFrom(0, 0, 0.5, 1, 1, 2), fc.double({ min: 0, max: 2, noNaN: true }));
const childArb: fc.Arbitrary<ChildSpec> = fc.record({
  d: delayArb,
  fails: fc.constantFrom(false, false, true),
  onCancel: fc.constantFrom<OnCancel>("propagate", "propagate", "swallow", "fail", "linger"),
  linger: delayArb,
});
const stepArb: fc.Arbitrary<BodyStep> = fc.oneof(
  { arbitrary: fc.record({ k: fc.constant("spawn" as const), child: childArb }), weight: 4 },
  { arbitrary: fc.record({ k: fc.constant("sleep" as const), d: delayArb }), weight: 2 },
  { arbitrary: fc.constant({ k: "throw" as const }), weight: 1 },
);
const bodyArb = fc.array(stepArb, { maxLength: 7 });

function childError(rec: Rec, i: number, why: string): Error {
  const e = new Error(`child ${i} ${why}`);
  rec.thrown.push(e);
  return e;
}

// ------------------------------------------------------------------ generator style

function* genChild(spec: ChildSpec, i: number, rec: Rec): Generator<unknown, string, unknown> {
  try {
    yield* sleep(spec.d);
  } catch (error) {
    if (!(error instanceof CancelledError)) throw error;
    switch (spec.onCancel) {
      case "propagate":
        throw error;
      case "swallow":
        return "swallowed";
      case "fail":
        throw childError(rec, i, "failed on cancel");
      case "linger":
        yield* sleep(spec.linger);
        return "lingered";
    }
  }
  if (spec.fails) throw childError(rec, i, "failed");
  return "ok";
}

function* genBody(steps: BodyStep[], tg: TaskGroup, rec: Rec): Generator<unknown, string, unknown> {
  try {
    for (const step of steps) {
      if (step.k === "spawn") {
        const i = rec.tasks.length;
        rec.tasks.push(tg.createTask(() => genChild(step.child, i, rec)) as Task<unknown>);
      } else if (step.k === "sleep") {
        yield* sleep(step.d);
      } else {
        throw (rec.bodyError = new Error("body failed"));
      }
    }
  } catch (error) {
    if (error instanceof CancelledError) rec.bodyCancelled = true;
    throw error;
  }
  rec.bodyFinished = true;
  return "body-result";
}

function* genMain(steps: BodyStep[], rec: Rec): Generator<unknown, void, unknown> {
  try {
    rec.outcome = yield* asyncWith(new TaskGroup(), (tg) => genBody(steps, tg, rec));
  } catch (error) {
    rec.outcome = error;
  }
  rec.allDone = rec.tasks.every((t) => t.done());
  rec.cancelling = currentTask()!.cancelling();
}

// ------------------------------------------------------------------ async style

async function asyncChild(spec: ChildSpec, i: number, rec: Rec): Promise<string> {
  try {
    await sleep(spec.d);
  } catch (error) {
    if (!(error instanceof CancelledError)) throw error;
    switch (spec.onCancel) {
      case "propagate":
        throw error;
      case "swallow":
        return "swallowed";
      case "fail":
        throw childError(rec, i, "failed on cancel");
      case "linger":
        await sleep(spec.linger);
        return "lingered";
    }
  }
  if (spec.fails) throw childError(rec, i, "failed");
  return "ok";
}

async function asyncBody(steps: BodyStep[], tg: TaskGroup, rec: Rec): Promise<string> {
  try {
    for (const step of steps) {
      if (step.k === "spawn") {
        const i = rec.tasks.length;
        rec.tasks.push(tg.createTask(() => asyncChild(step.child, i, rec)) as Task<unknown>);
      } else if (step.k === "sleep") {
        await sleep(step.d);
      } else {
        throw (rec.bodyError = new Error("body failed"));
      }
    }
  } catch (error) {
    if (error instanceof CancelledError) rec.bodyCancelled = true;
    throw error;
  }
  rec.bodyFinished = true;
  return "body-result";
}

async function asyncMain(steps: BodyStep[], rec: Rec): Promise<void> {
  try {
    rec.outcome = await asyncWith(new TaskGroup(), (tg) => asyncBody(steps, tg, rec));
  } catch (error) {
    rec.outcome = error;
  }
  rec.allDone = rec.tasks.every((t) => t.done());
  rec.cancelling = currentTask()!.cancelling();
}

// ------------------------------------------------------------------ the law

async function runGroup(steps: BodyStep[], style: Style, s: Schedule): Promise<Rec> {
  const rec: Rec = { thrown: [], bodyCancelled: false, bodyFinished: false, tasks: [] };
  if (style === "gen") runSync(() => genMain(steps, rec), loopOptions(s));
  else await run(() => asyncMain(steps, rec), loopOptions(s));
  return rec;
}

function checkLaw(rec: Rec, s: Schedule): void {
  expect(rec.allDone).toBe(true);
  // 3.12 (gh-116720): a first failure during __aexit__ leaves the group's own cancel request in place
  const leaked = rec.bodyFinished && rec.thrown.length > 0 ? 1 : 0;
  expect(rec.cancelling).toBe(leaked);
  if (rec.bodyCancelled) expect(rec.thrown.length).toBeGreaterThan(0);
  if (rec.thrown.length === 0 && rec.bodyError === undefined) {
    expect(rec.outcome).toBe("body-result");
    expect(rec.bodyFinished).toBe(true);
    return;
  }
  expect(rec.outcome).toBeInstanceOf(ExceptionGroup);
  const got = [...(rec.outcome as ExceptionGroup).exceptions];
  const want: unknown[] = [...rec.thrown];
  if (rec.bodyError !== undefined) {
    expect(got.pop()).toBe(rec.bodyError);
  }
  if (s.strategy === "random") {
    expect(new Set(got)).toEqual(new Set(want));
    expect(got.length).toBe(want.length);
  } else {
    expect(got.length).toBe(want.length);
    got.forEach((e, i) => expect(e).toBe(want[i]));
  }
}

const child = (d: number, fails = false, onCancel: OnCancel = "propagate", linger = 0) => ({ k: "spawn" as const, child: { d, fails, onCancel, linger } });

/** Hand-picked shapes, and the one counterexample found (to a too-strong law, not a bug). */
const examples: [BodyStep[], Style, Schedule][] = [
  // two children fail in the same iteration: the random strategy may report them in either order
  [[child(1, true), child(1, true), { k: "sleep", d: 5 }], "gen", { strategy: "random", seed: 4 }],
  // the body throws while a child that fails on cancellation is still running: child's error, then the body's
  [[child(1, false, "fail"), { k: "throw" }], "async", { strategy: "cpython", seed: 0 }],
  // found: a child fails while a sibling lingers after its cancel: the group waits for the lingering one;
  // the failure comes after the body ended, so 3.12 leaves cancelling() at 1 (CPython 3.12.1 does; 3.13.0 gives 0)
  [[child(2, false, "linger", 3), child(0.5, true), { k: "sleep", d: 0 }], "gen", { strategy: "fifo", seed: 0 }],
];

describe("law: TaskGroup children never outlive the group", () => {
  it("every child is done afterwards, and the ExceptionGroup holds exactly the errors thrown (every strategy, both styles)", async () => {
    const N = runs(5000);
    let groups = 0;
    await fc.assert(
      fc.asyncProperty(bodyArb, fc.constantFrom<Style>("gen", "gen", "async"), scheduleArb, async (steps, style, s) => {
        const rec = await runGroup(steps, style, s);
        checkLaw(rec, s);
        if (rec.outcome instanceof ExceptionGroup) groups++;
      }),
      { numRuns: N, examples },
    );
    // an ExceptionGroup in about 60% of the runs
    expect(groups).toBeGreaterThan(N / 3);
  });
});
