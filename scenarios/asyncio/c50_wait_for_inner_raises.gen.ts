import { createTask, getRunningLoop, sleep, waitFor } from "../../src/index.js";
import { ValueError, log, py, pyFloat } from "../harness.js";

export const meta = {
  title: "waitFor() of a task or coroutine that raises",
  description: "An exception raised by the awaited task or coroutine passes through wait_for() unchanged, and the timeout timer is cancelled.",
};

function* fail(n: number): Generator<unknown, never, unknown> {
  if (n) {
    yield* sleep(n);
  }
  throw new ValueError(`fail ${n}`);
}

export function* main() {
  const loop = getRunningLoop();
  const t = createTask(fail(1), { name: "fail1" });
  try {
    yield* waitFor(t, 5);
  } catch (e) {
    if (!(e instanceof ValueError)) throw e;
    log("task error passes through:", py(e));
  }
  try {
    yield* waitFor(fail(0), 5);
  } catch (e) {
    if (!(e instanceof ValueError)) throw e;
    log("coroutine error passes through:", py(e));
  }
  yield* sleep(0);
  log("timers cancelled; time", pyFloat(loop.time()));
  return "ok";
}
