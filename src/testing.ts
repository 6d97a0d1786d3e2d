/**
 * vloop's testing tools: explore a program under many schedules, replay a
 * failing schedule from its tape, and tapes as a fast-check arbitrary.
 */
import { ReplayPolicy } from "./schedule/replay.js";
import { mainOf, type Program } from "./explore/runOnce.js";
import { run } from "./run.js";

export { explore, NondeterminismError, type ExploreOptions, type ExploreResult, type StrategyName } from "./explore/explore.js";
export { encodeTape, decodeTape, deviationsOf, type Deviation } from "./schedule/tape.js";
export { describeDeviations } from "./explore/report.js";
export { RandomPolicy } from "./schedule/random.js";
export { PctPolicy } from "./schedule/pct.js";
export { ReplayPolicy } from "./schedule/replay.js";
export { BoundedDfs } from "./schedule/dfs.js";
export type { SchedulingPolicy, ChoicePoint } from "./schedule/policy.js";
export type { Program } from "./explore/runOnce.js";

/**
 * Runs `program` once following `tape` exactly (then CPython's order once the
 * tape runs out). Rejects with what the run throws.
 * @example await replay(() => lostUpdate(), "3:1,9:2");
 */
export function replay<T>(program: Program, tape: string, options: { maxSteps?: number; jitter?: number } = {}): Promise<T> {
  return run(mainOf(program), { strategy: new ReplayPolicy(tape), ...options }) as Promise<T>;
}
