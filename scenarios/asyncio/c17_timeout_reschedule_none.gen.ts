import { asyncWith, getRunningLoop, sleep, timeout } from "../../src/index.js";
import { log, pyFloat } from "../harness.js";

export const meta = {
  title: "timeout().reschedule(None)",
  description: "reschedule(None) removes the deadline (when() is None and nothing expires); timeout(None) starts without one and can be given one and have it taken away.",
};

export function* main() {
  const loop = getRunningLoop();
  const cm = timeout(1);
  yield* asyncWith(cm, function* () {
    cm.reschedule(null);
    log("when", cm.when());
    yield* sleep(3);
    log("slept past the old deadline");
  });
  log("expired", cm.expired());
  const cm2 = timeout(null);
  yield* asyncWith(cm2, function* () {
    cm2.reschedule(loop.time() + 50);
    log("when", pyFloat(cm2.when()!));
    cm2.reschedule(null);
    yield* sleep(100);
  });
  log("done at", pyFloat(loop.time()), "expired", cm2.expired());
  return "ok";
}
