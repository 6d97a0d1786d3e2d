import { CancelledError, createTask, currentTask, gather, sleep } from "../../src/index.js";
import { log } from "../harness.js";

export const meta = {
  title: "a cancelled gather child",
  description: "Without return_exceptions, a cancelled child makes gather raise CancelledError in its awaiter, though neither the gather nor the awaiter is cancelled and the other children go on.",
};

function* work(name: string, delay: number) {
  yield* sleep(delay);
  log(name, "finished");
  return name;
}

export function* main() {
  const a = createTask(work("a", 1));
  const b = createTask(work("b", 2));
  const g = gather(a, b);
  yield* sleep(0);
  // A cancelled child (without return_exceptions) makes the gather fail
  // with CancelledError, but the gather is not cancelled and b goes on.
  log("a.cancel() ->", a.cancel());
  try {
    yield* g;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    log("gather raised CancelledError; cancelled() ->", g.cancelled());
  }
  log("main cancelling() ->", currentTask()!.cancelling());
  const value = yield* b;
  log("b returned", value);
  return value;
}
