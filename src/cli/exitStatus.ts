/**
 * The exit statuses of every command (the table is in docs/finding-races.md):
 * 0 the run ended normally (explore: no failing schedule), 1 the program
 * raised (explore: a failing schedule, or a nondeterministic program),
 * 2 bad usage (an unknown option, a bad value, a missing file or export, a
 * tape that does not fit the program), 3 deadlock, 4 step budget exceeded
 * (a livelock).
 */
import { DeadlockError, StepBudgetExceeded } from "../errors.js";

export const EXIT = { ok: 0, raised: 1, usage: 2, deadlock: 3, stepBudget: 4 } as const;

/** The exit status for what a run threw. */
export function exitFor(failure: unknown): number {
  if (failure instanceof DeadlockError) return EXIT.deadlock;
  if (failure instanceof StepBudgetExceeded) return EXIT.stepBudget;
  return EXIT.raised;
}
