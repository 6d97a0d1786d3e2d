/**
 * vloop's testing tools: explore a program under many schedules, replay a
 * failing schedule from its tape, and tapes as a fast-check arbitrary.
 */
import { ReplayPolicy } from "./schedule/replay.js";
import { mainOf, type Program } from "./explore/runOnce.js";
import { run } from "./run.js";
import { UsageError } from "./errors.js";
import { showTyped, showValue } from "./util/showValue.js";
import { checkOptionNames } from "./util/args.js";

export { explore, NondeterminismError, type ExploreOptions, type ExploreResult, type StrategyName } from "./explore/explore.js";
export { encodeTape, decodeTape, parseTape, formatTape, deviationsOf, type Deviation, type ParsedTape } from "./schedule/tape.js";
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
 * @throws TypeError for a program that is not a function, a tape that is not a string,
 *   or an option other than maxSteps and jitter; UsageError for a malformed tape, or one the run never reached the end of
 * @example await replay(() => lostUpdate(), "3:1,9:2");
 */
export async function replay<T>(program: Program, tape: string, options: { maxSteps?: number; jitter?: number } = {}): Promise<T> {
  if (typeof program !== "function") throw new TypeError(`replay: the program must be a function returning a fresh main coroutine (got ${showValue(program)})`);
  if (typeof tape !== "string") throw new TypeError(`replay: the tape must be a string like "12:1,40:2" (got ${showTyped(tape)})`);
  if (options === null || typeof options !== "object") throw new TypeError(`replay: options must be an object or omitted (got ${showValue(options)})`);
  checkOptionNames("replay", options, ["maxSteps", "jitter"]);
  const policy = new ReplayPolicy(tape);
  const result = (await run(mainOf(program), { strategy: policy, maxSteps: options.maxSteps, jitter: options.jitter ?? policy.jitter })) as T;
  const unreached = policy.unreachedReport("jitter?");
  if (unreached !== null) throw new UsageError(`replay: ${unreached}`);
  return result;
}
