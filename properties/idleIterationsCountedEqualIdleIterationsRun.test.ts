/**
 * Law: idle iterations counted at once equal idle iterations run one by one.
 *
 * When nothing is ready and the next timer is more than one capped wait away,
 * the loop does not run its idle iterations (each would move the clock by
 * `now = now + cap` and run nothing): `idleRun` computes how many there are
 * and where they leave the clock. This law runs them one by one, exactly as
 * `_beginIteration` would (asyncio's `_run_once`: timeout = min(max(0,
 * when - now), cap), the virtual select, then the due test `when < now + res
 * or when <= now`), and demands the same count, a bit-identical clock, and the
 * same verdict when the clock cannot get there ("rounding": now + cap rounds
 * back to now; "limit": more idle iterations than allowed).
 *
 * The inputs put the clock where float steps are interesting: exact sums,
 * binade crossings, a cap that rounds up or down to the clock's ulp, the
 * ties-to-even binade where the step depends on parity, and the binades where
 * the clock cannot move at all. Caps other than 86400 reach those binades
 * within a few thousand steps, so one-by-one stays cheap.
 *
 * Replay a failure: fast-check prints `seed` and `path`; put them in the
 * fc.assert options below: fc.assert(prop, { seed, path }).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type IdleRun, idleRun } from "../src/loop/idleClock.js";
import { runs } from "./support/config.js";

/** The loop's idle iterations, run one by one (at most limit + 1 of them). */
function oneByOne(now: number, when: number, cap: number, res: number, limit: number): IdleRun {
  let t = now;
  let idle = 0;
  for (;;) {
    const timeout = Math.min(Math.max(0, when - t), cap);
    let after = t;
    if (timeout > 0) {
      if (when - t > timeout) after = t + timeout;
      else if (when > t) after = when;
    }
    if (when < after + res || when <= after) return { iterations: idle, clock: t, stalled: null }; // runs the timer
    if (after === t) return { iterations: idle, clock: t, stalled: "rounding" };
    if (idle >= limit) return { iterations: idle, clock: t, stalled: "limit" };
    idle++;
    t = after;
  }
}

/** The first power of two whose ulp is more than twice the cap: from there on, now + cap === now. */
function stallsFrom(cap: number): number {
  let p = 1;
  while (p * 2 ** -52 <= 2 * cap) p *= 2;
  while (p * 2 ** -53 > 2 * cap) p /= 2;
  return p;
}

const capArb = fc.oneof(
  fc.constantFrom(86400, 3, 1, 0.1, 1.5, 0.001, 0.7, 1 / 3),
  fc.double({ min: 1e-3, max: 1e6, noNaN: true }),
);

/** Where the clock starts, relative to the cap: 0, small, or cap * 2^E, where the step's rounding is interesting. */
const startArb = (cap: number) =>
  fc.oneof(
    fc.constant(0),
    fc.double({ min: 0, max: 10 * cap, noNaN: true }),
    fc.tuple(fc.integer({ min: 0, max: 56 }), fc.double({ min: 1, max: 2, maxExcluded: true, noNaN: true })).map(([e, f]) => cap * 2 ** e * f),
    // just below a power of two: the steps cross a binade
    fc.tuple(fc.integer({ min: 1, max: 56 }), fc.integer({ min: 1, max: 50 })).map(([e, n]) => cap * (2 ** e - n)),
    // a few thousand steps below the binade where now + cap rounds back to now
    fc.integer({ min: 1, max: 4000 }).map((n) => stallsFrom(cap) - n * cap),
  );

const caseArb = capArb.chain((cap) =>
  fc.record({
    cap: fc.constant(cap),
    now: startArb(cap),
    gap: fc.oneof(
      fc.tuple(fc.integer({ min: 0, max: 5000 }), fc.double({ min: -1, max: 1, noNaN: true })).map(([n, f]) => n * cap + f * cap),
      fc.constantFrom(Infinity, Number.MAX_VALUE, 1e300),
    ),
    res: fc.constantFrom(1e-9, 0, 1e-9, cap / 2),
    limit: fc.oneof(fc.constant(6000), fc.integer({ min: 0, max: 6000 })),
  }),
);

describe("law: idle iterations counted at once equal idle iterations run one by one", () => {
  it("gives the same count, the same clock bit for bit, and the same verdict", () => {
    fc.assert(
      fc.property(caseArb, ({ cap, now, gap, res, limit }) => {
        const when = now + gap;
        expect(idleRun(now, when, cap, res, limit)).toEqual(oneByOne(now, when, cap, res, limit));
      }),
      { numRuns: runs(3000) },
    );
  });

  it("holds at the edges found by hand", () => {
    const cases: [number, number, number, number][] = [
      // cap 3 from 2^53: a tie binade (ulp 2: 3 rounds to 2 or 4 by parity), then ulp 4 (3 -> 4), then ulp 8 (3 -> 0)
      [2 ** 53 + 2, 2 ** 53 + 1e5, 3, 1e-9],
      [2 ** 53, 2 ** 53 + 1e5, 3, 1e-9],
      [2 ** 54 - 30, 2 ** 54 + 5e4, 3, 1e-9],
      [2 ** 55 - 3000, Infinity, 3, 1e-9],
      // cap 3.25 rounds to 3 below 2^53; the step from 2^53 - 2 lands on a tie of the next binade's grid
      [2 ** 53 - 2 - 3 * 1000, 2 ** 53 + 1e4, 3.25, 1e-9],
      // the first step from a fraction: rounding at every binade crossing
      [0.1, 0.1 + 5000 * 86400, 86400, 1e-9],
      [1e-300, 4000 * 86400 + 0.5, 86400, 1e-9],
    ];
    for (const [now, when, cap, res] of cases) {
      expect(idleRun(now, when, cap, res, 6000), `${now} -> ${when} by ${cap}`).toEqual(oneByOne(now, when, cap, res, 6000));
    }
  });
});
