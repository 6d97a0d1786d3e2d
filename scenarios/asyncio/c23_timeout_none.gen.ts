import { TimeoutError, asyncWith, getRunningLoop, sleep, timeout, timeoutAt } from "../../src/index.js";
import { log, pyFloat } from "../harness.js";

export const meta = {
  title: "timeout(None) and timeoutAt(None)",
  description: "timeout(None) never expires (when() is None); a timeout_at(None) scope that is rescheduled later expires at the new deadline.",
};

export function* main() {
  const loop = getRunningLoop();
  let cm = timeout(null);
  yield* asyncWith(cm, function* () {
    log("when", cm.when());
    yield* sleep(1000);
  });
  log("no deadline, slept to", pyFloat(loop.time()), "expired", cm.expired());
  try {
    cm = timeoutAt(null);
    yield* asyncWith(cm, function* () {
      yield* sleep(1);
      cm.reschedule(loop.time() + 2);
      yield* sleep(5);
    });
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    log("TimeoutError at", pyFloat(loop.time()));
  }
  return "ok";
}
