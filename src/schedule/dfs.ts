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
import type { Deviation } from "./tape.js";

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
