import { CancelledError, createTask, sleep, waitFor } from "../../src/index.js";
import { log } from "../harness.js";

export const meta = {
  title: "waitFor(task, 0) on a task that swallows the cancellation",
  description: "With timeout <= 0, wait_for() cancels a pending task and waits for it; if the task swallows the cancellation and returns, wait_for() returns that value.",
};

function* stubborn() {
  try {
    yield* sleep(10);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    log("stubborn swallows the cancellation");
  }
  return "kept";
}

export function* main() {
  const t = createTask(stubborn(), { name: "stubborn" });
  yield* sleep(1);
  const r = yield* waitFor(t, 0);
  log("wait_for(t, 0) returned", r, "cancelled", t.cancelled());
  return r;
}
