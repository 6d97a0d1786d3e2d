import { CancelledError, createTask, currentTask, sleep } from "../../src/index.js";
import { log } from "../harness.js";

export const meta = {
  title: "cancelling() and uncancel()",
  description: "Each cancel() adds one to cancelling() even when only one CancelledError is delivered, and uncancel() takes one off without clearing the count.",
};

function* stubborn() {
  const me = currentTask()!;
  for (let n = 0; n < 2; n++) {
    try {
      yield* sleep(10);
    } catch (e) {
      if (!(e instanceof CancelledError)) throw e;
      log("round", n, "caught; cancelling() ->", me.cancelling());
      log("uncancel() ->", me.uncancel());
    }
  }
  log("finishing; cancelling() ->", me.cancelling());
  return "ok";
}

export function* main() {
  const t = createTask(stubborn());
  yield* sleep(1);
  log("cancel() ->", t.cancel(), "cancelling() ->", t.cancelling());
  log("cancel() ->", t.cancel(), "cancelling() ->", t.cancelling());
  yield* sleep(1);
  log("cancel() ->", t.cancel(), "cancelling() ->", t.cancelling());
  const value = yield* t;
  log("got", value, "cancelled() ->", t.cancelled(), "cancelling() ->", t.cancelling());
  return value;
}
