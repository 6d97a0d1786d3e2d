import { getRunningLoop, log, sleep } from "vloop";

function* displayDate() {
  const loop = getRunningLoop();
  const endTime = loop.time() + 5.0;
  for (;;) {
    log(`time is ${loop.time()}`);
    if (loop.time() + 1.0 >= endTime) break;
    yield* sleep(1);
  }
}

export function* main() {
  yield* displayDate();
}
