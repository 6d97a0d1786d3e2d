import { CancelledError, TimeoutError, asyncWith, createTask, currentTask, sleep, timeout } from "../../src/index.js";
import { log } from "../harness.js";

export const meta = {
  title: "a timeout entered after a swallowed cancel",
  description: "timeout() records cancelling() on entry, so a task that swallowed an earlier cancel (cancelling() == 1) still gets TimeoutError when the scope expires.",
};

function* worker() {
  try {
    yield* sleep(10);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    log("worker swallows a cancel; cancelling", currentTask()!.cancelling());
  }
  try {
    yield* asyncWith(timeout(1), function* () {
      yield* sleep(5);
    });
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    log("TimeoutError anyway; cancelling", currentTask()!.cancelling());
  }
  return "done";
}

export function* main() {
  const t = createTask(worker(), { name: "worker" });
  yield* sleep(1);
  t.cancel();
  const r = yield* t;
  log("worker returned", r);
  return r;
}
