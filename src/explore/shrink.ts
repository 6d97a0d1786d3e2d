/**
 * Shrinking a failing tape toward the default (CPython) order: fewest
 * deviations first, then the smallest alternative, then the earliest
 * decision. Each candidate is replayed; it is kept only if the run still
 * fails with the same kind of error. Greedy, like delta debugging's
 * one-at-a-time removal (Zeller, Hildebrandt, "Simplifying and Isolating
 * Failure-Inducing Input", TSE 2002), bounded by a budget of runs.
 */
import { BoundedDfs } from "../schedule/dfs.js";
import type { Deviation } from "../schedule/tape.js";

/** Replays a candidate tape: does it still fail the same way, and how many alternatives had each decision? */
export type StillFails = (tape: Deviation[]) => Promise<boolean | { fails: boolean; alternatives: readonly number[] }>;

export async function shrinkTape(tape: readonly Deviation[], stillFails: StillFails, budget = 2000): Promise<{ tape: Deviation[]; runs: number }> {
  let best = [...tape].sort((a, b) => a.index - b.index);
  let runs = 0;
  const attempt = async (candidate: Deviation[]): Promise<boolean> => {
    if (runs >= budget) return false;
    runs++;
    const r = await stillFails(candidate);
    return typeof r === "boolean" ? r : r.fails;
  };

  // 0. a systematic search below the current size, fewest deviations and
  //    earliest first, with half the budget: what it finds is minimal.
  if (best.length > 1) {
    const search = new BoundedDfs(best.length - 1);
    for (let t = search.next(); t !== undefined && runs < budget / 2; t = search.next()) {
      runs++;
      const r = await stillFails(t);
      const fails = typeof r === "boolean" ? r : r.fails;
      if (fails) {
        best = t;
        break;
      }
      if (typeof r !== "boolean") search.observe(t, r.alternatives);
    }
  }

  // Passes 1-3 until none changes the tape: lowering an alternative or moving
  // a deviation earlier can make another deviation unneeded, so one round is
  // not enough for 1-minimality (every deviation left is needed).
  for (;;) {
    const before = JSON.stringify(best);
    // 1. fewest deviations: drop one at a time, as long as it still fails
    let changed = true;
    while (changed && runs < budget) {
      changed = false;
      for (let i = 0; i < best.length; i++) {
        const candidate = best.filter((_, j) => j !== i);
        if (await attempt(candidate)) {
          best = candidate;
          changed = true;
          i--;
        }
      }
    }
    // 2. smallest alternative at each deviation (1 is "the next one in line")
    for (let i = 0; i < best.length; i++) {
      for (let v = 1; v < best[i].value; v++) {
        const candidate = best.map((d, j) => (j === i ? { index: d.index, value: v } : d));
        if (await attempt(candidate)) {
          best = candidate;
          break;
        }
      }
    }
    // 3. earliest: move each deviation as early as it can go
    for (let i = 0; i < best.length; i++) {
      const floor = i === 0 ? 0 : best[i - 1].index + 1;
      for (let idx = floor; idx < best[i].index; idx++) {
        const candidate = best.map((d, j) => (j === i ? { index: idx, value: d.value } : d));
        if (await attempt(candidate)) {
          best = candidate;
          break;
        }
      }
    }
    if (JSON.stringify(best) === before || runs >= budget) break;
  }
  return { tape: best, runs };
}
