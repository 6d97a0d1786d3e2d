import { CancelledError, createTask, sleep } from "../../src/index.js";
import { log } from "../harness.js";

export const meta = {
  title: "a task that swallows its cancellation",
  description: "A task that catches CancelledError and returns normally ends with its result, not cancelled.",
};

function* worker() {
  try {
    yield* sleep(10);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    log("worker ignores the cancellation");
  }
  yield* sleep(1);
  log("worker returns 42");
  return 42;
}

export function* main() {
  const t = createTask(worker());
  yield* sleep(1);
  log("cancel() ->", t.cancel());
  const value = yield* t;
  log("got", value, "cancelled() ->", t.cancelled());
  return value;
}
