import { CancelledError, createTask, currentTask, sleep, type Task } from "../../src/index.js";
import { log } from "../harness.js";

export const meta = {
  title: "awaiting a cancelled task",
  description: "Awaiting a task that was cancelled raises CancelledError in the awaiter without making the awaiter itself cancelling; result() and exception() of a cancelled task raise it too.",
};

function* nap() {
  yield* sleep(5);
  return "rested";
}

function* awaiter(t: Task<string>) {
  try {
    yield* t;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    log("awaiter: CancelledError; my cancelling() ->", currentTask()!.cancelling());
  }
  return "awaiter finished";
}

export function* main() {
  const t = createTask(nap());
  yield* sleep(1);
  t.cancel();
  yield* sleep(1);
  log("t.cancelled() ->", t.cancelled());
  try {
    t.result();
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    log("t.result() raised CancelledError");
  }
  try {
    t.exception();
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    log("t.exception() raised CancelledError");
  }
  const value = yield* createTask(awaiter(t));
  log(value);
  return value;
}
