/**
 * The shape of a race-gallery entry: a buggy and a fixed program, and how
 * to find the bug (strategy, budget, and the run options a replay needs).
 */
import type { StrategyName } from "../../src/testing.js";

export type Program = () => Generator<unknown, unknown, unknown>;

export interface RaceMeta {
  /** a short title */
  title: string;
  /** what goes wrong, in one or two sentences */
  bug: string;
  /** what the fixed program does instead */
  fix: string;
  /** the exploration strategy that finds it best */
  strategy: StrategyName;
  /** explore() finds it within this many runs (for every seed the gallery test tries) */
  budget: number;
  /**
   * true: CPython's own order passes and only another schedule fails (a heisenbug);
   * false: the bug shows in CPython's order too (a deterministic bug).
   */
  heisenbug: boolean;
  /**
   * true: the program runs on a simulated network (`network()`), passes on
   * the perfect one, and fails for a network decision (a latency, a loss, a
   * partition): its shrunk tape deviates only in network decisions.
   */
  network?: boolean;
  /** what the failing run throws: the error's name, and a pattern of its message */
  throws: { name: string; message: RegExp };
  /**
   * run options both explore() and replay() need (a tape records decisions,
   * not the options under which they were made); depth / maxDeviations are explore-only.
   */
  options?: { jitter?: number; maxSteps?: number; depth?: number; maxDeviations?: number };
}

export interface RaceEntry {
  name: string;
  buggy: Program;
  fixed: Program;
  meta: RaceMeta;
}
