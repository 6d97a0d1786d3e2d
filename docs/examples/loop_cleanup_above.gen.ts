import { getRunningLoop, log, sleep } from "vloop";

export function* main() {
  const loop = getRunningLoop();
  const fired: number[] = [];
  // The same 100 timers, plus two far-away timers that are cancelled
  // too: 52 cancelled out of 103 is more than half, so the next
  // iteration rebuilds the heap, and equal deadlines pop in a new order.
  const handles = Array.from({ length: 100 }, (_, i) => loop.callLater(1, (x: number) => fired.push(x), i));
  for (const h of handles.filter((_, i) => i % 2 === 1)) h.cancel();
  loop.callLater(10, () => fired.push(-1)).cancel();
  loop.callLater(10, () => fired.push(-1)).cancel();
  yield* sleep(2);
  log(fired.length, "fired:", fired);
}
