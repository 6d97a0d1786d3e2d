import { CancelledError, TimeoutError, asyncWith, currentTask, getRunningLoop, sleep, timeout } from "../../src/index.js";
import { log, pyFloat } from "../harness.js";

export const meta = {
  title: "timeout() turns its cancellation into TimeoutError",
  description: "When the deadline passes, timeout() cancels the task; the body sees CancelledError, and on exit the scope raises TimeoutError and uncancels the task.",
};

export async function main() {
  const loop = getRunningLoop();
  const cm = timeout(2);
  try {
    await asyncWith(cm, async () => {
      log("when", pyFloat(cm.when()!));
      try {
        await sleep(10);
      } catch (e) {
        if (!(e instanceof CancelledError)) throw e;
        log("body sees CancelledError; expired", cm.expired());
        throw e;
      }
      log("not printed");
    });
  } catch (e) {
    if (e instanceof CancelledError) {
      log("not printed either");
    } else if (e instanceof TimeoutError) {
      log("TimeoutError at", pyFloat(loop.time()), "expired", cm.expired());
    } else throw e;
  }
  log("cancelling", currentTask()!.cancelling());
  await sleep(1);
  return "survived";
}
