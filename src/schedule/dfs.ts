/**
 * `dfs`: systematic search of schedules, bounded by the number of deviations
 * from the default (CPython) order, in the spirit of delay-bounded
 * scheduling (Emmi, Qadeer, Rakamaric, "Delay-bounded scheduling", POPL 2011)
 * and preemption bounding (Musuvathi, Qadeer, PLDI 2007, CHESS).
 *
 * Schedules are visited fewest deviations first, then earliest deviation
 * first: the first run is CPython's order; each run's decisions (how many
 * alternatives each had) yield its children, which add one deviation after
 * the last one. With a bound of D deviations the search ends. Small bugs
 * (few deviations from the real order) are found first, and what is found is
 * already close to CPython's order.
 *
 * This file is the enumerator; each run follows one tape with ReplayPolicy.
 *
 * Splitting (shards, workers): the tree is cut below its root. CPython's
 * order is run by every part (its decisions give the first deviations); the
 * k-th first deviation, with its whole subtree, belongs to part k % count.
 * The visiting order is (number of deviations, then the tape itself,
 * lexicographically): the unsplit search visits exactly that order, and each
 * part visits its own tapes in it, so the first failure of the unsplit search
 * is the least of the parts' first failures (compareTapes).
 */
import { type Deviation, decodeTape } from "./tape.js";

/**
 * Enumerates tapes with at most `maxDeviations` deviations from CPython's
 * order, fewest first, then earliest.
 * @example
 * const dfs = new BoundedDfs(2);
 * for (let t = dfs.next(); t; t = dfs.next()) dfs.observe(t, runWith(t).alternatives);
 */
export class BoundedDfs {
  private readonly queue: Deviation[][] = [[]];
  private head = 0;

  /**
   * @param maxDeviations the bound D
   * @param part which subtrees to search: the first deviations whose ordinal k has k % count === index
   */
  constructor(
    private readonly maxDeviations = 2,
    private readonly part: { index: number; count: number } = { index: 0, count: 1 },
  ) {}

  /** The next tape to run, or undefined when the bounded space is exhausted. */
  next(): Deviation[] | undefined {
    if (this.head >= this.queue.length) return undefined;
    const tape = this.queue[this.head];
    (this.queue as (Deviation[] | undefined)[])[this.head] = undefined; // let it go
    this.head++;
    return tape;
  }

  /**
   * Reports a finished run of `tape`: `alternatives[i]` is how many
   * alternatives decision i had. Enqueues the children.
   */
  observe(tape: readonly Deviation[], alternatives: readonly number[]): void {
    if (tape.length >= this.maxDeviations) return;
    const last = tape.length === 0 ? -1 : tape[tape.length - 1].index;
    const { index, count } = this.part;
    let ordinal = 0;
    for (let j = last + 1; j < alternatives.length; j++) {
      for (let v = 1; v < alternatives[j]; v++) {
        // below the root every child is in its parent's part; the root's children are dealt out
        if (tape.length > 0 || ordinal++ % count === index) this.queue.push([...tape, { index: j, value: v }]);
      }
    }
  }

  /** Tapes waiting to be run. */
  get pending(): number {
    return this.queue.length - this.head;
  }
}

/**
 * The order of the bounded search: fewer deviations first, then the tapes
 * lexicographically (decision index, then alternative). Negative when `a`
 * is visited before `b`.
 */
export function compareTapes(a: readonly Deviation[], b: readonly Deviation[]): number {
  if (a.length !== b.length) return a.length - b.length;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as Deviation;
    const y = b[i] as Deviation;
    if (x.index !== y.index) return x.index - y.index;
    if (x.value !== y.value) return x.value - y.value;
  }
  return 0;
}

/** What one part of a split search reports: the schedules it ran, and the one that failed first, if any. */
export interface DfsPart<F> {
  /** every schedule the part ran (encoded tapes; CPython's order, "", in every part) */
  ran: readonly string[];
  /** the part's first failure, with its schedule */
  failure?: { tape: string; value: F };
  /** the part's search ended within the budget */
  exhausted?: boolean;
}

/**
 * What the unsplit search would report, from all of its parts: its first
 * failure is the least of the parts' (compareTapes), its run count the
 * distinct schedules before that one plus one, and a failure past `budget`
 * runs is one it would not have reached. `index` is the failing run's number
 * in the unsplit search (from 0); `least` is the least failure even past the
 * budget (what a merge missing some parts can still report).
 */
export function combineDfsParts<F>(
  parts: readonly DfsPart<F>[],
  budget: number,
): { failure: { value: F; index: number } | null; least: F | null; runs: number; exhausted: boolean; ran: string[] } {
  const order = (a: string, b: string) => compareTapes(decodeTape(a), decodeTape(b));
  const ran = [...new Set(parts.flatMap((p) => p.ran))].sort(order);
  let least: { tape: string; value: F } | undefined;
  for (const p of parts) if (p.failure && (least === undefined || order(p.failure.tape, least.tape) < 0)) least = p.failure;
  if (least !== undefined) {
    const index = ran.filter((t) => order(t, (least as { tape: string }).tape) < 0).length;
    if (index + 1 <= budget) return { failure: { value: least.value, index }, least: least.value, runs: index + 1, exhausted: false, ran };
  }
  return { failure: null, least: least?.value ?? null, runs: Math.min(ran.length, budget), exhausted: parts.every((p) => p.exhausted === true) && ran.length <= budget, ran };
}
