/**
 * The one seam through which every ordering decision of the loop passes.
 *
 * CPython's loop makes two kinds of order decisions that a real run could
 * make differently: the order of the handles that are ready in one iteration
 * (CPython: FIFO), and the order of timers that fall due together (CPython:
 * heapq's pop order for equal deadlines). A `SchedulingPolicy` decides both.
 *
 * A policy that returns `chooses = false` keeps CPython's own order and is
 * never asked; the loop then runs its fast path. A choosing policy is asked
 * `choose(n, point)` at every point with n >= 2 alternatives; the answer is an
 * index into the alternatives *in their default order*, so 0 always means
 * "what CPython does" and a tape of zeros replays CPython's schedule. Every
 * answer is appended to the loop's choice tape (`EventLoop.tape`).
 *
 * Prior art: fast-check's scheduler injects `nextTaskIndex`; shuttle keeps one
 * small file per strategy. Strategies live beside this file.
 */

/**
 * Where a decision is made, for traces and for strategies that care. The loop
 * refills one ChoicePoint object for every decision of a run: read it during
 * `choose()`, and copy what you want to keep.
 */
export interface ChoicePoint {
  /**
   * "ready": which of the tasks woken in this iteration steps next;
   * "timer": which of the timers due at the same deadline fires next;
   * "jitter": whether a new timer fires on time (0), early (1) or late (2);
   * "net": a decision of the simulated network (src/net/network.ts): which
   * latency a message takes, whether it is lost, which of the deliveries due
   * together lands first, whether an optional fault fires. 0 is always the
   * fault-free, fastest alternative.
   */
  readonly kind: "ready" | "timer" | "jitter" | "net";
  /** Virtual time of the decision. */
  readonly time: number;
  /** Loop iteration number of the decision. */
  readonly iteration: number;
  /** The decision's number on the tape (0, 1, 2, ...). */
  readonly index: number;
  /**
   * The alternatives in their default order: the tasks (for "ready"), the
   * timer handles (for "timer"); empty for "jitter".
   */
  readonly candidates: readonly unknown[];
  /**
   * For decisions that model a probability (a "net" loss or an optional
   * fault): how likely each alternative is, summing to 1; null when the
   * alternatives carry no odds. Random strategies draw by these weights, so a
   * link with 1% loss loses about one message in a hundred; systematic ones
   * (dfs) try every alternative regardless.
   */
  readonly weights: readonly number[] | null;
}

/** Draws an alternative by `weights` (see ChoicePoint.weights) from a uniform number u in [0, 1). */
export function drawWeighted(weights: readonly number[], u: number): number {
  let acc = 0;
  for (let i = 0; i < weights.length - 1; i++) {
    acc += weights[i];
    if (u < acc) return i;
  }
  return weights.length - 1;
}

export interface SchedulingPolicy {
  /** The strategy's name, as given in `LoopOptions.strategy`. */
  readonly name: string;
  /** Ordering: true breaks equal-deadline timers by insertion, false keeps heapq's order. */
  readonly fifoTimers: boolean;
  /** false: never consulted, the loop keeps CPython's order and records no tape. */
  readonly chooses: boolean;
  /** true if choose() reads `point.candidates` (otherwise the loop may pass an empty list). */
  readonly needsCandidates?: boolean;
  /** Picks one of `n >= 2` alternatives; 0 is the default (CPython) choice. */
  choose(n: number, point: ChoicePoint): number;
}
