/**
 * `fifo`: CPython's order except that timers with equal deadlines fire in the
 * order they were scheduled (the heap key becomes (when, insertion number)).
 * Useful to see which results depend on heapq's tie order.
 */
import type { SchedulingPolicy } from "./policy.js";

export class FifoPolicy implements SchedulingPolicy {
  readonly name = "fifo";
  readonly fifoTimers = true;
  readonly chooses = false;
  choose(): number {
    return 0;
  }
}
