import { TimeoutError, asyncWith, createTask, getRunningLoop, sleep, timeout } from "../../src/index.js";
import { log, pyFloat } from "../harness.js";

export const meta = {
  title: "timeout().reschedule() to an earlier or past deadline",
  description: "reschedule() to an earlier time fires there; a deadline already in the past schedules the expiry with call_soon, so it fires on the next iteration.",
};

async function ticker() {
  for (let i = 0; i < 3; i++) {
    log("tick", i);
    await sleep(0);
  }
}

export async function main() {
  const loop = getRunningLoop();
  try {
    await asyncWith(timeout(10), async (cm) => {
      await sleep(1);
      cm.reschedule(loop.time() + 1);
      log("moved to", pyFloat(cm.when()!));
      await sleep(5);
    });
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    log("first TimeoutError at", pyFloat(loop.time()));
  }
  try {
    await asyncWith(timeout(10), async (cm) => {
      createTask(() => ticker(), { name: "ticker" });
      cm.reschedule(loop.time() - 5);
      log("moved into the past", pyFloat(cm.when()!));
      await sleep(5);
    });
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    log("second TimeoutError at", pyFloat(loop.time()));
  }
  return "ok";
}
