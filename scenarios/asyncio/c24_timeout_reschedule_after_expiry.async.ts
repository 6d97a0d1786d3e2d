import { CancelledError, RuntimeError, TimeoutError, asyncWith, getRunningLoop, sleep, timeout } from "../../src/index.js";
import { log } from "../harness.js";

export const meta = {
  title: "reschedule() an expiring or finished timeout",
  description: "reschedule() raises RuntimeError once the timeout is expiring (inside the body, after the deadline) and after the scope has exited.",
};

export async function main() {
  const loop = getRunningLoop();
  const cm = timeout(1);
  try {
    await asyncWith(cm, async () => {
      try {
        await sleep(5);
      } catch (e) {
        if (!(e instanceof CancelledError)) throw e;
        try {
          cm.reschedule(loop.time() + 10);
        } catch (e2) {
          if (!(e2 instanceof RuntimeError)) throw e2;
          log("reschedule while expiring: RuntimeError");
        }
        throw e;
      }
    });
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    log("TimeoutError");
  }
  try {
    cm.reschedule(null);
  } catch (e) {
    if (!(e instanceof RuntimeError)) throw e;
    log("reschedule after exit: RuntimeError");
  }
  return cm.expired();
}
