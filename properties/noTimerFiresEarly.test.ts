/**
 * Law 3: no timer fires early, and sleep(d) never returns before its deadline.
 *
 * Precisely, with CPython's clock resolution r = 1e-9 (a timer is due in the
 * iteration where `when < now + r`):
 *   - a timer callback never runs with loop.time() < when - r; exactly, the
 *     loop's own test holds: when < time() + r;
 *   - a task that calls sleep(d) at time t0 resumes at a time t with
 *     t0 + d < t + r (for d <= 0: t >= t0), so never before its deadline
 *     beyond the resolution. (It can resume up to r *before* t0 + d when
 *     another timer moved the clock within r of it: CPython does the same.)
 * Programs: random callAt / callLater / callSoon / cancel trees (negative,
 * zero, equal, float-sum and sub-resolution deadlines, delays past the
 * one-day select cap) plus sleeper tasks sleeping random delays, under the
 * cpython and fifo tie orders.
 *
 * Replay a failure: fast-check prints `seed` and `path`; put them in the
 * fc.assert options below: fc.assert(prop, { seed, path }).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { runs } from "./support/config.js";
import { type TimerProgram, runTimerProgram, timerProgramArb } from "./support/timerProgram.js";

const RESOLUTION = 1e-9;

const programArb = timerProgramArb({
  at: fc.oneof(
    fc.constantFrom(0, 0.3, 0.1 + 0.2, 1, 1 + 5e-10, 1 + 1e-9, 1 + 2e-9, 2, -1, 2 * 86400 + 0.5),
    fc.double({ min: -1, max: 10, noNaN: true }),
  ),
  later: fc.oneof(
    fc.constantFrom(0, -1, 0.1, 0.2, 1 / 3, 1, 5e-10, 1e-9, 100000),
    fc.double({ min: -2, max: 10, noNaN: true }),
  ),
  mainOps: { min: 0, max: 25 },
  cbOps: 3,
  depth: 2,
  soon: true,
  cancelWeight: 1,
});

const sleepDelayArb = fc.oneof(
  fc.constantFrom(0, -1, 0.1, 0.2, 0.3, 1, 1 + 5e-10, 5e-10, 1e-9, 2e-9, 1 / 3, 100000),
  fc.double({ min: -1, max: 5, noNaN: true }),
);
const sleepersArb = fc.array(fc.array(sleepDelayArb, { maxLength: 6 }), { maxLength: 5 });

const examples: [TimerProgram, number[][], "cpython" | "fifo"][] = [
  // a sleeper whose deadline (1 + 5e-10) is within the resolution of a timer at 1:
  // it resumes at 1, before its deadline but not by more than 1e-9
  [{ main: [{ at: 1, ops: [] }] }, [[1 + 5e-10]], "cpython"],
  // float sums: three sleeps of 0.1 end at 0.30000000000000004, a timer sits at 0.3
  [{ main: [{ at: 0.3, ops: [] }] }, [[0.1, 0.1, 0.1], [0.3]], "cpython"],
];

describe("law 3: no timer fires early; sleep never returns before its deadline", () => {
  it("holds on random timer programs with sleeper tasks", () => {
    fc.assert(
      fc.property(programArb, sleepersArb, fc.constantFrom("cpython" as const, "fifo" as const), (program, sleepers, strategy) => {
        const run = runTimerProgram(program, strategy, sleepers);
        for (const o of run.observations) {
          if (o.when === undefined) continue;
          expect(o.t < o.when - RESOLUTION, `timer ${o.id} (deadline ${o.when}) ran at ${o.t}`).toBe(false);
          expect(o.when < o.t + RESOLUTION, `timer ${o.id} (deadline ${o.when}) ran at ${o.t}`).toBe(true);
        }
        for (const s of run.sleeps) {
          if (s.d <= 0) {
            expect(s.t).toBeGreaterThanOrEqual(s.t0);
            continue;
          }
          const deadline = s.t0 + s.d;
          expect(deadline < s.t + RESOLUTION, `sleep(${s.d}) from ${s.t0} (deadline ${deadline}) returned at ${s.t}`).toBe(true);
        }
      }),
      { numRuns: runs(600), examples },
    );
  });

  it("a sleep within the resolution of another timer may end up to 1e-9 early, as in CPython", () => {
    const run = runTimerProgram(examples[0][0], "cpython", examples[0][1]);
    expect(run.sleeps).toEqual([{ task: 0, t0: 0, d: 1 + 5e-10, t: 1 }]);
  });
});
