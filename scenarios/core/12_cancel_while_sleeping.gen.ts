import { CancelledError, createTask, sleep } from "../../src/index.js";
import { log } from "../harness.js";

export const meta = {
  title: "cancel while sleeping",
  description: "cancel() on a sleeping task returns True but the task is only cancelled() after CancelledError has been thrown into it at its next step.",
};

function* sleeper() {
  try {
    yield* sleep(10);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    log("sleeper got CancelledError");
    throw e;
  }
  log("sleeper woke normally"); // never
}

export function* main() {
  const t = createTask(sleeper());
  yield* sleep(1);
  log("cancel() ->", t.cancel());
  log("cancelled() right after ->", t.cancelled());
  try {
    yield* t;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    log("await t raised CancelledError");
  }
  log("cancelled() ->", t.cancelled(), "done() ->", t.done());
}
