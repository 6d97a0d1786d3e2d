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
   * "jitter": whether a new timer fires on time (0), early (1) or late (2).
   */
  readonly kind: "ready" | "timer" | "jitter";
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
