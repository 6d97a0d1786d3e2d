import { CancelledError, asyncWith, currentTask, getRunningLoop, sleep, timeout } from "../../src/index.js";
import { log, pyFloat } from "../harness.js";

export const meta = {
  title: "a timeout body that swallows the cancellation",
  description: "If the body catches the timeout's CancelledError and finishes normally, the scope raises nothing, expired() is True and the task's cancel request is taken back.",
};

export function* main() {
  const loop = getRunningLoop();
  const cm = timeout(1);
  yield* asyncWith(cm, function* () {
    log("expired before", cm.expired());
    try {
      yield* sleep(5);
    } catch (e) {
      if (!(e instanceof CancelledError)) throw e;
      log("swallowed; expired", cm.expired());
      log("cancelling inside", currentTask()!.cancelling());
    }
    yield* sleep(1);
    log("body goes on to the end");
  });
  log("no TimeoutError; expired", cm.expired());
  log("cancelling after", currentTask()!.cancelling());
  return pyFloat(loop.time());
}
