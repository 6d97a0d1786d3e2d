import { getRunningLoop, sleep } from "../../src/index.js";
import { log } from "../harness.js";

export const meta = {
  title: "call_soon from a callback; cancelled handles",
  description: "A callback scheduled with call_soon from inside a callback runs in the next iteration, after the handles already queued; cancelled handles and timers never run.",
};

function first() {
  log("first; scheduling nested");
  getRunningLoop().callSoon(log, "nested (next iteration)");
}

export function* main() {
  const loop = getRunningLoop();
  loop.callSoon(first);
  const h = loop.callSoon(log, "never: cancelled handle");
  loop.callSoon(log, "second");
  const t = loop.callLater(1, log, "never: cancelled timer");
  h.cancel();
  t.cancel();
  log("handles cancelled() ->", h.cancelled(), t.cancelled());
  yield* sleep(0);
  log("main after sleep(0)");
  yield* sleep(2);
  log("main done");
}
