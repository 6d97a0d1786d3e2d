/** Turns `LoopOptions.strategy` (a name or a policy object) into a policy. */
import { UsageError } from "../errors.js";
import { showValue } from "../util/showValue.js";
import { CPythonPolicy } from "./cpython.js";
import { FifoPolicy } from "./fifo.js";
import type { SchedulingPolicy } from "./policy.js";
import { PctPolicy } from "./pct.js";
import { RandomPolicy } from "./random.js";

export const STRATEGY_NAMES = ["cpython", "fifo", "random", "pct"] as const;

/** The fields a strategy object must have, and their types. */
const POLICY_FIELDS = [
  ["name", "string"],
  ["fifoTimers", "boolean"],
  ["chooses", "boolean"],
  ["choose", "function"],
] as const;

/** A strategy given as an object must be a SchedulingPolicy: checked once, where it enters. */
function checkPolicy(policy: object): SchedulingPolicy {
  const wrong = POLICY_FIELDS.filter(([field, type]) => typeof (policy as Record<string, unknown>)[field] !== type).map(([field]) => field);
  if (wrong.length > 0) {
    throw new TypeError(
      `strategy: a SchedulingPolicy object needs name (a string), fifoTimers and chooses (booleans) and choose(n, point) (a function); ` +
        `${showValue(policy)} has no proper ${wrong.join(", ")}`,
    );
  }
  return policy as SchedulingPolicy;
}

/**
 * The policy for `LoopOptions.strategy`: a strategy's name, or a
 * SchedulingPolicy object.
 * @throws UsageError for an unknown name; TypeError for anything else that is not a policy.
 */
export function resolvePolicy(
  strategy: string | SchedulingPolicy | undefined,
  seed: string | number,
): SchedulingPolicy {
  if (strategy === undefined || strategy === "cpython") return new CPythonPolicy();
  if (strategy !== null && typeof strategy === "object") return checkPolicy(strategy);
  if (typeof strategy !== "string") {
    throw new TypeError(`strategy must be one of ${STRATEGY_NAMES.join(", ")} or a SchedulingPolicy object (got ${showValue(strategy)})`);
  }
  if (strategy === "fifo") return new FifoPolicy();
  if (strategy === "random") return new RandomPolicy(seed);
  if (strategy === "pct") return new PctPolicy(seed);
  throw new UsageError(
    `unknown strategy ${showValue(strategy)}: expected one of ${STRATEGY_NAMES.join(", ")}`,
  );
}
