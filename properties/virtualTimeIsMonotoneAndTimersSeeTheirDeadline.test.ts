/**
 * Law 2: virtual time never decreases, and inside a timer callback it is the
 * timer's deadline, to CPython's clock resolution.
 *
 * CPython's rule (BaseEventLoop._run_once): when nothing is ready the clock
 * jumps to the earliest live deadline w0 (by at most a day per iteration);
 * then every timer with `when < now + 1e-9` fires in that iteration. So,
 * stated exactly, for every run of a random callAt / callLater / callSoon /
 * cancel program (negative, zero, equal and float-sum deadlines included):
 *   (a) loop.time() as seen by callbacks and by trace events never decreases;
 *   (b) a timer scheduled not in the past (when >= time() when it was set)
 *       runs with time() <= when < time() + 1e-9: equal to its deadline up to
 *       the resolution merge (0.1 + 0.2 and 0.3 fire together at 0.3);
 *   (c) an iteration that runs only timers (nothing was ready when it began)
 *       runs at max(previous time, the smallest deadline it fires): the
 *       clock moved exactly to the earliest due deadline, or not at all for
 *       timers already in the past;
 *   (d) an iteration that runs a callSoon callback or a task step runs at the
 *       previous iteration's time: the clock moves only when nothing is ready.
 * Delays stay far below 2**24 s, where `now + 1e-9 == now` (see the last test).
 *
 * Replay a failure: fast-check prints `seed` and `path`; put them in the
 * fc.assert options below: fc.assert(prop, { seed, path }).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { getRunningLoop, runSync, sleep } from "../src/index.js";
import { runs } from "./support/config.js";
import { type TimerProgram, type VloopTimerRun, runTimerProgram, timerProgramArb } from "./support/timerProgram.js";
import { watchdogPolicy } from "./support/watchdog.js";

const RESOLUTION = 1e-9;
/** asyncio's cap on one select() wait: a day */
const MAXIMUM_SELECT_TIMEOUT = 86400;

export const atArb = fc.oneof(
  fc.constantFrom(0, 0.1, 0.2, 0.3, 0.1 + 0.2, 0.6, 1, 1 + 5e-10, 1 + 1e-9, 1 + 2e-9, 2, 3, -1, 86400, 2 * 86400 + 0.5),
  fc.double({ min: -1, max: 10, noNaN: true }),
);
export const laterArb = fc.oneof(
  fc.constantFrom(0, -0, -1, 0.1, 0.2, 0.3, 1 / 3, 1, 1e-10, 5e-10, 1e-9, 2e-9, 100000, 200000),
  fc.double({ min: -2, max: 10, noNaN: true }),
);

export const programArb = timerProgramArb({
  at: atArb,
  later: laterArb,
  mainOps: { min: 0, max: 30 },
  cbOps: 3,
  depth: 3,
  soon: true,
  cancelWeight: 1,
});

/** Checks (a)-(d) on one run; returns nothing, throws on a violation. */
function checkClockLaw(run: VloopTimerRun): void {
  // (a) on trace events, in emission order, and on callbacks, in run order
  for (let k = 1; k < run.events.length; k++) {
    expect(run.events[k].t).toBeGreaterThanOrEqual(run.events[k - 1].t);
    expect(run.events[k].i).toBeGreaterThanOrEqual(run.events[k - 1].i);
  }
  for (let k = 1; k < run.observations.length; k++) {
    expect(run.observations[k].t).toBeGreaterThanOrEqual(run.observations[k - 1].t);
  }

  // (b)
  for (const o of run.observations) {
    if (o.when === undefined || o.setAt === undefined || o.when < o.setAt) continue;
    expect(o.t, `timer ${o.id}: set at ${o.setAt} for ${o.when}, ran at ${o.t}`).toBeLessThanOrEqual(o.when);
    expect(o.when < o.t + RESOLUTION, `timer ${o.id}: deadline ${o.when}, ran at ${o.t}`).toBe(true);
  }

  // (c) and (d), per iteration
  const timeOf = new Map<number, number>();
  const nonTimer = new Set<number>();
  for (const e of run.events) {
    timeOf.set(e.i, e.t);
    if (e.kind === "step") nonTimer.add(e.i);
  }
  const fired = new Map<number, number[]>();
  for (const o of run.observations) {
    timeOf.set(o.iter, o.t);
    if (o.when === undefined) nonTimer.add(o.iter);
    else fired.set(o.iter, [...(fired.get(o.iter) ?? []), o.when]);
  }
  for (const [i, t] of timeOf) {
    const prev = timeOf.get(i - 1);
    if (nonTimer.has(i)) {
      if (prev !== undefined) expect(t, `iteration ${i} ran ready handles, yet the clock moved`).toBe(prev);
      continue;
    }
    const whens = fired.get(i);
    if (whens === undefined) continue;
    const earliest = Math.min(...whens);
    // an iteration with no event at all (a capped one-day jump) hides the previous time;
    // the clock then was below every deadline, so this iteration jumps to `earliest`.
    // A deadline more than a day after the previous time is reached by a capped wait:
    // the clock moves by exactly a day, and fires what is due within the resolution of
    // it (CPython: timeout = min(when - now, 86400), then `when < now + 1e-9`).
    const expected = prev === undefined ? earliest : earliest - prev > MAXIMUM_SELECT_TIMEOUT ? prev + MAXIMUM_SELECT_TIMEOUT : Math.max(prev, earliest);
    expect(t, `iteration ${i} fired deadlines ${whens.join(", ")} after time ${prev}`).toBe(expected);
  }
}

// Fixed cases run before the random ones.
const examples: [TimerProgram][] = [
  // 0.1 + 0.2 = 0.30000000000000004 and 0.2 + 0.1 (from a callback at 0.2) fire with 0.3, at 0.3
  [{ main: [{ at: 0.3, ops: [] }, { later: 0.2, ops: [{ later: 0.1, ops: [] }] }, { at: 0.1 + 0.2, ops: [] }] }],
  // deadlines within and just beyond the resolution of 1.0
  [{ main: [{ at: 1, ops: [] }, { at: 1 + 5e-10, ops: [] }, { at: 1 + 1e-9, ops: [] }, { at: 1 + 2e-9, ops: [] }] }],
  // past timers next to a pending callSoon: the clock must not move
  [{ main: [{ later: 1, ops: [{ soon: [] }, { later: -1, ops: [] }, { at: 0.5, ops: [] }] }] }],
  // Counterexample to the first statement of (c), found by seed 686795594 (CI dry run, 2026-12-04):
  // after an event at t=200000, a deadline of 286400.00000000047 is more than a day away; the
  // capped wait moves the clock to 286400, and the timer fires there, 4.7e-10 s early, as in CPython
  // (checked: this program under scenarios/recorder/vclock_recorder.py logs the timer at 286400.0).
  [{ main: [{ later: 0, ops: [{ soon: [{ at: 0, ops: [{ later: 200000, ops: [] }] }] }] }, { at: 86400, ops: [{ later: 1e-9, ops: [{ soon: [{ later: 200000, ops: [] }] }] }, { later: 5e-10, ops: [] }] }] }],
];

describe("law 2: virtual time never decreases and equals the deadline in timer callbacks", () => {
  it("holds on random timer programs (cpython and fifo tie order)", () => {
    fc.assert(
      fc.property(programArb, fc.constantFrom("cpython" as const, "fifo" as const), (program, strategy) => {
        checkClockLaw(runTimerProgram(program, strategy));
      }),
      { numRuns: runs(600), examples: examples.map(([p]): [TimerProgram, "cpython" | "fifo"] => [p, "cpython"]) },
    );
  });

  it("0.1 + 0.2 fires together with 0.3, at 0.3", () => {
    const run = runTimerProgram(examples[0][0]);
    const at03 = run.observations.filter((o) => o.when !== undefined && o.id >= 0 && o.t === 0.3);
    expect(at03.map((o) => o.when).sort()).toEqual([0.3, 0.1 + 0.2, 0.2 + 0.1].sort());
  });

  // BUG (reported to the lead): at or beyond 2**24 s of virtual time, now + 1e-9 rounds
  // to now, so `when < now + 1e-9` is false for a timer whose deadline the clock has
  // just jumped to exactly. The loop then spins forever without running a handle (the
  // step budget counts handles, so maxSteps does not stop it either). CPython on a real
  // clock would fire it a moment later. The watchdog policy turns the hang into an error.
  it.each([2 ** 24, 1e9])("a timer at %d s fires (regression: the loop spun forever)", (deadline) => {
    const seen = runSync(
      function* () {
        yield* sleep(deadline);
        return getRunningLoop().time();
      },
      { strategy: watchdogPolicy(50_000), maxSteps: 50_000 }, // 1e9 s is 11,575 capped select() waits of a day
    );
    expect(seen).toBe(deadline);
  });
});
