import { CancelledError, createTask, getRunningLoop, sleep, type Future } from "../../src/index.js";
import { log } from "../harness.js";

export const meta = {
  title: "cancelling the awaiter cancels the future",
  description: "cancel() on a task blocked on a future cancels that future immediately; the task itself is cancelled at its next step.",
};

function* waiter(fut: Future<unknown>) {
  try {
    yield* fut;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    log("waiter cancelled; fut.cancelled() ->", fut.cancelled());
    throw e;
  }
}

export function* main() {
  const fut = getRunningLoop().createFuture();
  const t = createTask(waiter(fut));
  yield* sleep(1);
  log("cancel() ->", t.cancel());
  log("fut.cancelled() right after ->", fut.cancelled());
  try {
    yield* t;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    log("await t raised CancelledError");
  }
  log("task cancelled() ->", t.cancelled());
}
