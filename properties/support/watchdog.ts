/**
 * A scheduling policy with CPython's order (or FIFO ties) that counts loop
 * iterations and throws past a limit. The loop reads `policy.chooses` once
 * per iteration, so this turns a loop that spins without running any handle
 * (which the step budget, counting handles, does not see) into a test
 * failure instead of a hung test run.
 */
import type { SchedulingPolicy } from "../../src/schedule/policy.js";

export class LoopSpinning extends Error {
  override name = "LoopSpinning";
}

export function watchdogPolicy(maxIterations: number, fifoTimers = false): SchedulingPolicy {
  let iterations = 0;
  return {
    name: fifoTimers ? "fifo-watchdog" : "cpython-watchdog",
    fifoTimers,
    get chooses(): boolean {
      if (++iterations > maxIterations) {
        throw new LoopSpinning(`watchdog: the loop ran ${maxIterations} iterations (is it spinning without running anything?)`);
      }
      return false;
    },
    choose: () => 0,
  };
}
