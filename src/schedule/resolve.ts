/** Turns `LoopOptions.strategy` (a name or a policy object) into a policy. */
import { UsageError } from "../errors.js";
import { CPythonPolicy } from "./cpython.js";
import { FifoPolicy } from "./fifo.js";
import type { SchedulingPolicy } from "./policy.js";
import { PctPolicy } from "./pct.js";
import { RandomPolicy } from "./random.js";

export const STRATEGY_NAMES = ["cpython", "fifo", "random", "pct"] as const;

export function resolvePolicy(
  strategy: string | SchedulingPolicy | undefined,
  seed: string | number,
): SchedulingPolicy {
  if (strategy === undefined || strategy === "cpython") return new CPythonPolicy();
  if (typeof strategy === "object") return strategy;
  if (strategy === "fifo") return new FifoPolicy();
  if (strategy === "random") return new RandomPolicy(seed);
  if (strategy === "pct") return new PctPolicy(seed);
  throw new UsageError(
    `unknown strategy ${JSON.stringify(strategy)}: expected one of ${STRATEGY_NAMES.join(", ")}`,
  );
}
