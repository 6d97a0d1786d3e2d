import { CancelledError, type Task, TimeoutError, createTask, sleep, waitFor } from "../../src/index.js";
import { log } from "../harness.js";

export const meta = {
  title: "waitFor() cancelled from outside",
  description: "Cancelling a task blocked in wait_for() cancels the awaited task too and raises CancelledError (not TimeoutError); the timeout timer is cancelled.",
};

function* work() {
  try {
    yield* sleep(10);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    log("inner cancelled");
    throw e;
  }
}

function* waiter(inner: Task<void>) {
  try {
    yield* waitFor(inner, 5);
  } catch (e) {
    if (e instanceof CancelledError) {
      log("waiter got CancelledError");
      throw e;
    }
    if (!(e instanceof TimeoutError)) throw e;
    log("waiter got TimeoutError"); // not printed
  }
}

export function* main() {
  const inner = createTask(work(), { name: "inner" });
  const w = createTask(waiter(inner), { name: "waiter" });
  yield* sleep(1);
  log("cancel waiter ->", w.cancel());
  try {
    yield* w;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    log("waiter cancelled", w.cancelled(), "inner cancelled", inner.cancelled());
  }
  yield* sleep(10);
  log("no timeout fired");
  return "ok";
}
