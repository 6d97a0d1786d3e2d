import { Condition, asyncWith, createTask, gather, sleep } from "../../src/index.js";
import { log } from "../harness.js";

export const meta = {
  title: "Condition.notify() wakes one waiter at a time",
  description: "notify() wakes the longest-waiting task; wait() returns True once it holds the lock again; notify() with no waiters is a no-op.",
};

function* waiter(cond: Condition, name: string) {
  yield* asyncWith(cond, function* () {
    log(name, "waiting");
    const r = yield* cond.wait();
    log(name, "woke, wait() ->", r, "locked() =", cond.locked());
  });
}

export function* main() {
  const cond = new Condition();
  const ts = ["A", "B", "C"].map((n) => createTask(waiter(cond, n), { name: n }));
  yield* sleep(0);
  log("locked() while all wait:", cond.locked());
  for (let i = 0; i < 3; i++) {
    yield* asyncWith(cond, function* () {
      log("notify()", i);
      cond.notify();
    });
    yield* sleep(0);
  }
  yield* asyncWith(cond, function* () {
    cond.notify();
    log("notify() with nobody waiting is a no-op");
  });
  yield* gather(...ts);
}
