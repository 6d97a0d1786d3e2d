import { CancelledError, createTask } from "../../src/index.js";
import { log } from "../harness.js";

export const meta = {
  title: "cancel before the first step",
  description: "A task cancelled before its first step never runs its body: the first step throws CancelledError into the unstarted coroutine.",
};

function* body() {
  log("body runs"); // never: the task is cancelled before its first step
  return 1;
}

export function* main() {
  const t = createTask(body());
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
