import { TimeoutError, asyncWith, getRunningLoop, sleep, timeout, timeoutAt } from "../../src/index.js";
import { log, pyFloat } from "../harness.js";

export const meta = {
  title: "timeout(None) and timeoutAt(None)",
  description: "timeout(None) never expires (when() is None); a timeout_at(None) scope that is rescheduled later expires at the new deadline.",
};

export async function main() {
  const loop = getRunningLoop();
  let cm = timeout(null);
  await asyncWith(cm, async () => {
    log("when", cm.when());
    await sleep(1000);
  });
  log("no deadline, slept to", pyFloat(loop.time()), "expired", cm.expired());
  try {
    cm = timeoutAt(null);
    await asyncWith(cm, async () => {
      await sleep(1);
      cm.reschedule(loop.time() + 2);
      await sleep(5);
    });
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    log("TimeoutError at", pyFloat(loop.time()));
  }
  return "ok";
}
