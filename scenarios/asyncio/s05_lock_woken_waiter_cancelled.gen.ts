import { CancelledError, Lock, createTask, gather, sleep } from "../../src/index.js";
import { log } from "../harness.js";

export const meta = {
  title: "a woken Lock waiter that is cancelled passes the lock on",
  description: "When the waiter that release() woke is cancelled before it runs, its CancelledError handler finds the lock unlocked and wakes the next waiter, which takes the lock.",
};

function* waiter(lock: Lock, name: string) {
  try {
    yield* lock.acquire();
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    log(name, "cancelled in acquire(); locked() =", lock.locked());
    throw e;
  }
  log(name, "got the lock");
  yield* sleep(1);
  lock.release();
  log(name, "released");
}

export function* main() {
  const lock = new Lock();
  yield* lock.acquire();
  const b = createTask(waiter(lock, "B"), { name: "B" });
  const c = createTask(waiter(lock, "C"), { name: "C" });
  yield* sleep(0);
  lock.release();
  log("released; locked() =", lock.locked());
  log("cancel B ->", b.cancel());
  yield* sleep(0);
  log("after one step: locked() =", lock.locked());
  yield* sleep(0);
  log("after two steps: locked() =", lock.locked());
  yield* gather(b, c, { returnExceptions: true });
  log("B cancelled:", b.cancelled(), "C done:", c.done());
}
