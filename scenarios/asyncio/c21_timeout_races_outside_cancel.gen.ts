import { CancelledError, TimeoutError, asyncWith, createTask, currentTask, sleep, timeout } from "../../src/index.js";
import { log } from "../harness.js";

export const meta = {
  title: "a timeout racing an outside cancel",
  description: "If the task is also cancelled from outside in the same window as its timeout fires, the scope sees an extra cancel request and lets CancelledError propagate instead of raising TimeoutError.",
};

function* guarded() {
  try {
    yield* asyncWith(timeout(1), function* () {
      yield* sleep(5);
    });
  } catch (e) {
    if (e instanceof TimeoutError) {
      log("TimeoutError"); // not printed
      return;
    }
    if (!(e instanceof CancelledError)) throw e;
    log("CancelledError; cancelling", currentTask()!.cancelling());
    throw e;
  }
}

export function* main() {
  const t = createTask(guarded(), { name: "guarded" });
  yield* sleep(1);
  log("timeout already fired; cancel ->", t.cancel());
  try {
    yield* t;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    log("task cancelled", t.cancelled());
  }
  return "ok";
}
