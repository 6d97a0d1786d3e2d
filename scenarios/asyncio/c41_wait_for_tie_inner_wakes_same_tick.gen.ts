import { CancelledError, TimeoutError, createTask, sleep, waitFor } from "../../src/index.js";
import { log } from "../harness.js";

export const meta = {
  title: "waitFor(): the inner task's wake-up and the deadline in the same tick",
  description: "When the inner task's sleep and wait_for's deadline fire in the same iteration, the timeout still cancels the task: a done fut_waiter turns cancel() into a cancel at its next step.",
};

function* work(tag: string) {
  try {
    yield* sleep(1);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    log(tag, "cancelled");
    throw e;
  }
  log(tag, "woke");
  return tag;
}

export function* main() {
  const t = createTask(work("early"), { name: "early" });
  yield* sleep(0);
  try {
    log("got", yield* waitFor(t, 1));
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    log("early: TimeoutError; cancelled", t.cancelled());
  }
  const u = createTask(work("late"), { name: "late" });
  try {
    log("got", yield* waitFor(u, 1));
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    log("late: TimeoutError; cancelled", u.cancelled());
  }
  return [t.cancelled(), u.cancelled()];
}
