import { TimeoutError, asyncWith, getRunningLoop, sleep, timeoutAt } from "../../src/index.js";
import { log, pyFloat } from "../harness.js";

export const meta = {
  title: "timeoutAt() a time in the past",
  description: "timeout_at() a past deadline schedules the expiry with call_soon: a body that never awaits finishes unharmed, a body that awaits gets TimeoutError at once.",
};

export async function main() {
  const loop = getRunningLoop();
  await sleep(3);
  let cm = timeoutAt(loop.time() - 1);
  await asyncWith(cm, async () => {
    log("body without await runs to the end; when", pyFloat(cm.when()!));
  });
  log("expired", cm.expired());
  cm = timeoutAt(1);
  try {
    await asyncWith(cm, async () => {
      log("body starts");
      await sleep(0);
      log("not printed");
    });
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    log("TimeoutError at", pyFloat(loop.time()), "expired", cm.expired());
  }
  return "ok";
}
