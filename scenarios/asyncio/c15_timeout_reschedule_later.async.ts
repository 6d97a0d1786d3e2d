import { TimeoutError, asyncWith, getRunningLoop, sleep, timeout } from "../../src/index.js";
import { log, pyFloat } from "../harness.js";

export const meta = {
  title: "timeout().reschedule() to a later deadline",
  description: "reschedule() to a later time cancels the old timer: the old deadline passes harmlessly and TimeoutError comes at the new one.",
};

export async function main() {
  const loop = getRunningLoop();
  const cm = timeout(2);
  try {
    await asyncWith(cm, async () => {
      await sleep(1);
      cm.reschedule(loop.time() + 3);
      log("moved to", pyFloat(cm.when()!));
      await sleep(2);
      log("still inside, the old deadline passed");
      await sleep(10);
    });
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    log("TimeoutError at", pyFloat(loop.time()));
  }
  return cm.expired();
}
