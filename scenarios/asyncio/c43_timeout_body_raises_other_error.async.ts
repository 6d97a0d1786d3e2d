import { CancelledError, TimeoutError, asyncWith, currentTask, sleep, timeout } from "../../src/index.js";
import { ValueError, log, py } from "../harness.js";

export const meta = {
  title: "a timeout body that raises another error",
  description: "timeout() converts only CancelledError: if the body replaces the cancellation with another exception, that exception passes through, while expired() is True and the cancel request is taken back.",
};

export async function main() {
  const cm = timeout(1);
  try {
    await asyncWith(cm, async () => {
      try {
        await sleep(5);
      } catch (e) {
        if (!(e instanceof CancelledError)) throw e;
        log("body turns the cancellation into ValueError");
        throw new ValueError("instead");
      }
    });
  } catch (e) {
    if (e instanceof TimeoutError) {
      log("not printed");
    } else if (e instanceof ValueError) {
      log("ValueError passes through:", py(e));
    } else throw e;
  }
  log("expired", cm.expired(), "cancelling", currentTask()!.cancelling());
  await sleep(1);
  return "ok";
}
