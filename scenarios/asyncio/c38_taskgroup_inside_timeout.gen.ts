import { CancelledError, TaskGroup, TimeoutError, asyncWith, currentTask, getRunningLoop, sleep, timeout } from "../../src/index.js";
import { log, pyFloat } from "../harness.js";

export const meta = {
  title: "a TaskGroup inside a timeout",
  description: "A timeout around a TaskGroup cancels the waiting parent; the group cancels its remaining children and re-raises CancelledError, which the timeout turns into TimeoutError.",
};

function* child(n: number) {
  try {
    yield* sleep(n);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    log("child", n, "cancelled");
    throw e;
  }
  log("child", n, "done");
}

export function* main() {
  const loop = getRunningLoop();
  try {
    yield* asyncWith(timeout(2), function* () {
      yield* asyncWith(new TaskGroup(), function* (tg) {
        tg.createTask(child(1), { name: "c1" });
        tg.createTask(child(5), { name: "c5" });
      });
    });
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    log("TimeoutError at", pyFloat(loop.time()));
  }
  log("cancelling", currentTask()!.cancelling());
  return "ok";
}
