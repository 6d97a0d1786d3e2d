/**
 * Idle iterations, counted instead of run.
 *
 * When nothing is ready and the earliest live timer is more than a day away,
 * asyncio's `_run_once` waits at most MAXIMUM_SELECT_TIMEOUT (86400 s) per
 * iteration, so a long sleep is a run of *idle* iterations: each one runs no
 * handle and moves the clock by `now = now + 86400`, until the deadline is
 * within a day (then `now = when`) or falls due after a capped step. vloop
 * copies this so that its iteration numbers are CPython's. Run one by one, a
 * `sleep(1e17)` would take 1.16e12 iterations; `idleRun` finds how many there
 * are and where they leave the clock in a bounded number of float operations.
 *
 * The clock after j idle iterations is j repeated float additions, which is
 * not `now + j * cap` in general. Inside one binade [2^e, 2^(e+1)) every float
 * is a multiple of u = ulp = 2^(e-52), so `fl(y + cap) = y + D`, where D is
 * cap rounded to a multiple of u, for every y in the binade for which
 * `y + cap < 2^(e+1)`. D is the same for every such y except when cap / u is
 * half an odd integer (a tie): ties go to the even multiple of u, so D depends
 * on the parity of y / u; once D is an even multiple of u, y + D keeps that
 * parity and D stays the same. (With cap = 86400 = 675 * 2^7: below 2^60,
 * u <= 128 divides cap and D = cap exactly; from 2^60 on D is cap rounded to
 * a multiple of 256, 512, ... 2^17 (a tie at 256; then 86528, 86016, 86016,
 * 86016, 90112, 81920, 98304, 65536, 131072), and from 2^70 on D = 0: the
 * clock cannot step at all.) So the steps inside a binade are an exact arithmetic
 * sequence once D has been seen twice in a row, and `y + m * D` (exact: all
 * terms are multiples of u below 2^(e+1)) is the clock after m of them. Steps
 * across a binade boundary, near the deadline, and the first steps from a
 * clock below one day are taken one by one, with the loop's own tests. There
 * are at most a few of those per binade, and a clock below 2^71 crosses at
 * most 71 binades, so a run costs a few hundred float operations at most.
 *
 * A deadline the clock cannot step to is reported, not waited for: when
 * `t + cap` rounds back to t ("rounding", from 2^70 on), or when counting the
 * iterations would take more than `limit` (the loop's iteration number must
 * stay an exact integer, below 2^53). CPython would wait there forever.
 */

/** What `idleRun` found: how many iterations are idle, and the clock after them. */
export interface IdleRun {
  /** Consecutive idle iterations, starting with the one about to wait. */
  readonly iterations: number;
  /** The clock after them (the start value when there are none). */
  readonly clock: number;
  /**
   * Why the deadline cannot be reached by stepping: "rounding" (at `clock`,
   * clock + cap == clock), "limit" (more than `limit` idle iterations), or
   * null (it can).
   */
  readonly stalled: "rounding" | "limit" | null;
}

/** The binade of a positive float: the power of two 2^e with 2^e <= t < 2^(e+1). */
function binadeOf(t: number): number {
  let p = 2 ** Math.floor(Math.log2(t));
  // log2 may round across a power of two
  if (p > t) p /= 2;
  else if (p * 2 <= t) p *= 2;
  return p;
}

/**
 * How many idle iterations in a row can be taken from `t` by adding the one
 * constant step `D` (0 if none can: the caller steps one by one). Each step
 * j (from y = t + j * D) must add D exactly (y + cap below the binade's top,
 * and D seen twice) and must be idle: `fl(when - y) > cap` and the deadline
 * not due after the step. Those two hold with room to spare while the real
 * `when - y >= M`, M = 4 * (cap + D) + 2 * res, and `fl(when - y) >= 2 * M`
 * guarantees that (the subtraction errs by less than half of it).
 */
function constantSteps(t: number, when: number, cap: number, res: number, most: number): { m: number; step: number } {
  const none = { m: 0, step: 0 };
  const top = 2 * binadeOf(t);
  if (!(top - t > cap)) return none; // top - t is exact (Sterbenz)
  const step = t + cap - t; // exact: t + cap <= top <= 2t
  const next = t + step;
  if (step === 0 || !(top - next > cap) || next + cap - next !== step) return none; // a tie seen with odd parity
  const margin = 2 * (4 * (cap + step) + 2 * res);
  const ok = (y: number): boolean => y < top && top - y > cap && when - y >= margin;
  // the last step starts at t + (m - 1) * step; estimate m from both limits,
  // then correct the float estimate (off by a unit or two) downwards
  let m = Math.min(Math.floor((top - t - cap) / step), Math.floor((when - t - margin) / step), most);
  if (!(m > 0)) return none;
  while (m > 0 && !ok(t + (m - 1) * step)) m--;
  return { m, step };
}

/**
 * Counts the idle iterations the loop is about to run, and the clock after
 * them, without running them. The first of them is the iteration about to wait:
 * nothing is ready, the earliest live timer is due at `when`, and the clock
 * is `now`. An iteration is idle when its wait is capped (`fl(when - t) > cap`:
 * the clock moves to `t + cap`) and, after that, the timer is not due
 * (`when >= t + res` and `when > t`, the loop's test). What the loop does
 * between them changes nothing: no handle runs, the heap's head stays the
 * same live timer, and no clean-up can start (see baseEventLoop).
 * No asyncio counterpart: asyncio runs them, one select() each.
 * @throws nothing; a deadline that cannot be reached comes back as `stalled`.
 * @example idleRun(0, 864000, 86400, 1e-9, 2 ** 53) // { iterations: 9, clock: 777600, stalled: null }
 */
export function idleRun(now: number, when: number, cap: number, res: number, limit: number): IdleRun {
  let t = now;
  let k = 0;
  for (;;) {
    if (!(when - t > cap)) break; // the wait goes to `when`: that iteration runs the timer
    const next = t + cap;
    if (next === t) return { iterations: k, clock: t, stalled: "rounding" };
    if (when < next + res || when <= next) break; // due after the capped wait: not idle
    if (k >= limit) return { iterations: k, clock: t, stalled: "limit" };
    t = next;
    k++;
    const run = constantSteps(t, when, cap, res, limit - k);
    if (run.m > 0) {
      t += run.m * run.step; // exact: a multiple of ulp(t) inside t's binade
      k += run.m;
    }
  }
  return { iterations: k, clock: t, stalled: null };
}
