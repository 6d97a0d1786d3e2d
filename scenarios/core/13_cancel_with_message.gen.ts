import { CancelledError, createTask, sleep } from "../../src/index.js";
import { log, py } from "../harness.js";

export const meta = {
  title: "cancel with a message",
  description: "The message passed to cancel(msg) is the CancelledError's message both inside the cancelled task and in the task that awaits it.",
};

function* sleeper() {
  try {
    yield* sleep(10);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    log("inner sees:", py(e));
    throw e;
  }
}

export function* main() {
  const t = createTask(sleeper());
  yield* sleep(1);
  t.cancel("stop now");
  try {
    yield* t;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    log("outer sees:", py(e));
  }
  log("cancelled() ->", t.cancelled());
}
