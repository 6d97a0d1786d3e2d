import { CancelledError, Condition, asyncWith, createTask, gather, sleep } from "../../src/index.js";
import { log } from "../harness.js";

export const meta = {
  title: "a Condition waiter cancelled before notify",
  description: "notify(1) skips a waiter whose future was cancelled; the cancelled waiter re-acquires the lock before its CancelledError propagates, and the notified waiter gets the lock after it.",
};

function* waiter(cond: Condition, name: string) {
  yield* asyncWith(cond, function* () {
    try {
      yield* cond.wait();
    } catch (e) {
      if (!(e instanceof CancelledError)) throw e;
      log(name, "cancelled; holds the lock again:", cond.locked());
      throw e;
    }
    log(name, "woke");
  });
}

export function* main() {
  const cond = new Condition();
  const a = createTask(waiter(cond, "A"), { name: "A" });
  const b = createTask(waiter(cond, "B"), { name: "B" });
  yield* sleep(0);
  a.cancel();
  yield* asyncWith(cond, function* () {
    cond.notify(1);
    log("notify(1) skips the cancelled A");
  });
  yield* gather(a, b, { returnExceptions: true });
  log("A cancelled:", a.cancelled(), "B cancelled:", b.cancelled());
  return cond.locked();
}
