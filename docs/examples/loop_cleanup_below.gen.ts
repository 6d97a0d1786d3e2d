import { getRunningLoop, log, sleep } from "vloop";

export function* main() {
  const loop = getRunningLoop();
  const fired: number[] = [];
  // 100 timers due at t=1, the odd ones cancelled: with main's own
  // sleep timer that is 50 cancelled out of 101 scheduled, not more
  // than half, so the heap is not rebuilt.
  const handles = Array.from({ length: 100 }, (_, i) => loop.callLater(1, (x: number) => fired.push(x), i));
  for (const h of handles.filter((_, i) => i % 2 === 1)) h.cancel();
  yield* sleep(2);
  log(fired.length, "fired:", fired);
}
