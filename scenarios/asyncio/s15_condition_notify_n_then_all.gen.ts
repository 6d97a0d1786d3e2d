import { Condition, asyncWith, createTask, gather, sleep } from "../../src/index.js";
import { log } from "../harness.js";

export const meta = {
  title: "notify(2) and notify_all() hand the lock on in FIFO order",
  description: "notify(n) wakes the n longest waiters, notify_all() the rest; woken waiters re-acquire the lock one at a time in wait order, and none runs before the notifier releases the lock.",
};

function* waiter(cond: Condition, name: string) {
  yield* asyncWith(cond, function* () {
    yield* cond.wait();
    log(name, "woke, holds the lock");
    yield* sleep(1);
    log(name, "leaves");
  });
}

export function* main() {
  const cond = new Condition();
  const ts = ["A", "B", "C", "D", "E"].map((n) => createTask(waiter(cond, n), { name: n }));
  yield* sleep(0);
  yield* asyncWith(cond, function* () {
    cond.notify(2);
    log("notify(2)");
  });
  yield* sleep(5);
  yield* asyncWith(cond, function* () {
    cond.notifyAll();
    log("notify_all(), still holding the lock");
    yield* sleep(1);
    log("notifier releases");
  });
  yield* gather(...ts);
}
