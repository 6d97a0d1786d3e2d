import { getRunningLoop, log, sleep } from "vloop";
import { pyFloat } from "vloop/scenario";

function* displayDate() {
  const loop = getRunningLoop();
  const endTime = loop.time() + 5.0;
  for (;;) {
    log("time is", pyFloat(loop.time()));
    if (loop.time() + 1.0 >= endTime) break;
    yield* sleep(1);
  }
}

export function* main() {
  yield* displayDate();
}
