import { TimeoutError, asyncWith, createTask, getRunningLoop, sleep, timeout } from "../../src/index.js";
import { log, pyFloat } from "../harness.js";

export const meta = {
  title: "timeout().reschedule() to an earlier or past deadline",
  description: "reschedule() to an earlier time fires there; a deadline already in the past schedules the expiry with call_soon, so it fires on the next iteration.",
};

function* ticker() {
  for (let i = 0; i < 3; i++) {
    log("tick", i);
    yield* sleep(0);
  }
}

export function* main() {
  const loop = getRunningLoop();
  try {
    yield* asyncWith(timeout(10), function* (cm) {
      yield* sleep(1);
      cm.reschedule(loop.time() + 1);
      log("moved to", pyFloat(cm.when()!));
      yield* sleep(5);
    });
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    log("first TimeoutError at", pyFloat(loop.time()));
  }
  try {
    yield* asyncWith(timeout(10), function* (cm) {
      createTask(ticker(), { name: "ticker" });
      cm.reschedule(loop.time() - 5);
      log("moved into the past", pyFloat(cm.when()!));
      yield* sleep(5);
    });
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    log("second TimeoutError at", pyFloat(loop.time()));
  }
  return "ok";
}
