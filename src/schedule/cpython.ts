/**
 * The default strategy: exactly CPython 3.12's order. Ready handles run FIFO;
 * equal-deadline timers pop in heapq's order (see util/heap.ts). Never asked
 * to choose, so the loop records no tape and runs its fast path.
 */
import type { SchedulingPolicy } from "./policy.js";

export class CPythonPolicy implements SchedulingPolicy {
  readonly name = "cpython";
  readonly fifoTimers = false;
  readonly chooses = false;
  choose(): number {
    return 0;
  }
}
