import { getRunningLoop, sleep } from "../../src/index.js";
import { log } from "../harness.js";

export const meta = {
  title: "timer heap rebuild",
  description: "With more than 100 timers of which more than half are cancelled, _run_once rebuilds the heap with heapify(), which changes the order of equal deadlines.",
};

function fire(i: number) {
  log(`timer ${i}`);
}

export function* main() {
  const loop = getRunningLoop();
  // 110 timers (> 100) due at 1, 2 and 3; cancelling 88 of them (> half)
  // makes the next _run_once rebuild the heap with heapify(), which
  // changes the order in which the equal deadlines pop.
  const handles = Array.from({ length: 110 }, (_, i) => loop.callLater(1 + (i % 3), fire, i));
  for (const [i, h] of handles.entries()) {
    if (i % 5 !== 0) {
      h.cancel();
    }
  }
  log("scheduled 110 timers, cancelled 88");
  yield* sleep(4);
  log("done");
}
