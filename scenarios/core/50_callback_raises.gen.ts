import { createTask, getRunningLoop, sleep } from "../../src/index.js";
import { log, ValueError } from "../harness.js";

export const meta = {
  title: "exceptions in callbacks and unawaited tasks",
  description: "An exception raised by a callback or by a task nobody awaits goes to the loop's exception handler; the loop keeps running the other handles.",
};

function boom() {
  log("callback raises");
  throw new ValueError("in a callback");
}

function* failingTask() {
  log("task raises; nobody awaits it");
  throw new ValueError("in a task");
}

export function* main() {
  const loop = getRunningLoop();
  // An exception in a callback, or in a task nobody awaits, goes to the
  // loop's exception handler; the loop itself carries on.
  loop.callSoon(boom);
  loop.callSoon(log, "next callback still runs");
  const t = createTask(failingTask());
  yield* sleep(1);
  log("main goes on; task done() ->", t.done());
  loop.callLater(1, boom);
  yield* sleep(2);
  log("main done");
}
