import { CancelledError, createTask, sleep } from "../../src/index.js";
import { log, py } from "../harness.js";

export const meta = {
  title: "cancel twice: which message wins",
  description: "A second cancel() of a task waiting on a future keeps the first message (the future was already cancelled with it), but for a task not yet started the last message wins.",
};

function* sleeper(name: string) {
  try {
    yield* sleep(10);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    log(name, "sees:", py(e));
    throw e;
  }
}

export function* main() {
  const a = createTask(sleeper("a"));
  yield* sleep(1);
  // a waits on its sleep: the first cancel() cancels that future with
  // "first"; the second only sets _must_cancel, and a still sees "first".
  log("a.cancel ->", a.cancel("first"), a.cancel("second"));
  const b = createTask(sleeper("b"));
  // b has not started: nothing to forward to, so each cancel() stores
  // its message and the last one wins.
  log("b.cancel ->", b.cancel("first"), b.cancel("second"));
  for (const t of [a, b]) {
    try {
      yield* t;
    } catch (e) {
      if (!(e instanceof CancelledError)) throw e;
      log("awaiting", t.getName(), "raised:", py(e));
    }
  }
  log("cancelling():", a.cancelling(), b.cancelling());
}
