import { CancelledError, Condition, asyncWith, createTask, sleep } from "../../src/index.js";
import { log } from "../harness.js";

export const meta = {
  title: "a Condition waiter cancelled while re-acquiring the lock",
  description: "A notified waiter that is cancelled while it waits to re-acquire the lock keeps trying until it holds the lock, and only then raises CancelledError.",
};

function* waiter(cond: Condition) {
  yield* asyncWith(cond, function* () {
    try {
      yield* cond.wait();
    } catch (e) {
      if (!(e instanceof CancelledError)) throw e;
      log("W cancelled; locked() =", cond.locked());
      throw e;
    }
    log("W woke normally"); // never
  });
}

export function* main() {
  const cond = new Condition();
  const w = createTask(waiter(cond), { name: "W" });
  yield* sleep(0);
  yield* asyncWith(cond, function* () {
    cond.notify();
    yield* sleep(0);
    log("W was notified and now waits for the lock; cancel ->", w.cancel());
    yield* sleep(1);
    log("main releases the lock; W done:", w.done());
  });
  try {
    yield* w;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    log("W cancelled:", w.cancelled(), "locked() =", cond.locked());
  }
}
