import { CancelledError, createTask, getRunningLoop, sleep, type Future } from "../../src/index.js";
import { log } from "../harness.js";

export const meta = {
  title: "deadlock during shutdown",
  description: "A task that answers its shutdown cancellation by waiting on a future nobody completes deadlocks the shutdown phase.",
};

function* clinger(fut: Future<unknown>) {
  try {
    yield* sleep(10);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    log("clinger cancelled; now waiting on a future forever");
    yield* fut;
  }
}

export function* main() {
  const fut = getRunningLoop().createFuture();
  createTask(clinger(fut));
  yield* sleep(1);
  log("main returns");
  return 1;
}
