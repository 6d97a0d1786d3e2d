import { CancelledError, Semaphore, createTask, sleep } from "../../src/index.js";
import { log } from "../harness.js";

export const meta = {
  title: "Semaphore.locked() ignores cancelled waiters",
  description: "release() skips a cancelled waiter and keeps the unit, locked() counts only waiters that are not cancelled, so acquire() takes the unit at once while the cancelled task has not yet run.",
};

function* waiter(sem: Semaphore) {
  try {
    yield* sem.acquire();
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    log("waiter cancelled; locked() =", sem.locked());
    throw e;
  }
}

export function* main() {
  const sem = new Semaphore(0);
  const w = createTask(waiter(sem), { name: "W" });
  yield* sleep(0);
  log("locked() with a waiter, value 0:", sem.locked());
  w.cancel();
  sem.release();
  log("release() with only a cancelled waiter: locked() =", sem.locked());
  yield* sem.acquire();
  log("main acquired without waiting; locked() =", sem.locked());
  yield* sleep(0);
  log("W cancelled:", w.cancelled(), "locked() =", sem.locked());
  sem.release();
  return sem.locked();
}
