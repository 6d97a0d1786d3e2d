import { getRunningLoop, sleep } from "../../src/index.js";
import { log } from "../harness.js";

export const meta = {
  title: "heap rebuild from a stale cancelled count",
  description: "Cancelled timers popped together with a live due timer do not decrement _timer_cancelled_count, so a later heap rebuild happens while fewer than half the timers are really cancelled.",
};

export function* main() {
  const loop = getRunningLoop();
  const fired: number[] = [];
  // 40 timers due at t=1; all but the first (the heap's head) are
  // cancelled.  At t=1 they are all popped together as "due", so the
  // 39 cancelled ones leave without decrementing _timer_cancelled_count.
  const first = Array.from({ length: 40 }, (_, i) => loop.callLater(1, (x: number) => fired.push(x), i));
  for (const h of first.slice(1)) {
    h.cancel();
  }
  yield* sleep(2);
  log("fired", fired);
  // 100 new timers, 40 of them cancelled: only 40 of 101 are really
  // cancelled, but the stale count says 79, so the heap is rebuilt and
  // the equal deadlines pop in heapify's order.
  fired.length = 0;
  const second = Array.from({ length: 100 }, (_, i) => loop.callLater(1 + (i % 4), (x: number) => fired.push(x), 100 + i));
  for (const [i, h] of second.entries()) {
    if (i % 5 < 2) {
      h.cancel();
    }
  }
  yield* sleep(5);
  log("fired", fired);
}
