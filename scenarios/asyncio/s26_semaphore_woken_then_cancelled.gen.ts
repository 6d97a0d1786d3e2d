import { CancelledError, Semaphore, createTask, gather, sleep } from "../../src/index.js";
import { log } from "../harness.js";

export const meta = {
  title: "a woken Semaphore waiter that is cancelled passes the wake-up on",
  description: "release() hands the slot to B; B is cancelled before it runs, so its handler gives the slot back and wakes C, which acquires.",
};

function* waiter(sem: Semaphore, name: string) {
  try {
    yield* sem.acquire();
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    log(name, "cancelled in acquire(); locked() =", sem.locked());
    throw e;
  }
  log(name, "acquired");
  yield* sleep(1);
  sem.release();
}

export function* main() {
  const sem = new Semaphore(1);
  yield* sem.acquire();
  const b = createTask(waiter(sem, "B"), { name: "B" });
  const c = createTask(waiter(sem, "C"), { name: "C" });
  yield* sleep(0);
  sem.release();
  log("release() woke B; locked() =", sem.locked());
  b.cancel();
  yield* sleep(0);
  log("B passed its wake-up on; locked() =", sem.locked());
  yield* gather(b, c, { returnExceptions: true });
  log("B cancelled:", b.cancelled(), "locked() =", sem.locked());
}
