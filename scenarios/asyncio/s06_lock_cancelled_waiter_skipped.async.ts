import { CancelledError, Lock, createTask, gather, sleep } from "../../src/index.js";
import { log } from "../harness.js";

export const meta = {
  title: "release() with a cancelled first waiter",
  description: "If the first Lock waiter's future is already cancelled, release() wakes nobody; the cancelled task, when it runs, finds the lock free and wakes the next waiter.",
};

async function waiter(lock: Lock, name: string) {
  try {
    await lock.acquire();
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    log(name, "cancelled; locked() =", lock.locked());
    throw e;
  }
  log(name, "got the lock");
  lock.release();
}

export async function main() {
  const lock = new Lock();
  await lock.acquire();
  const b = createTask(() => waiter(lock, "B"), { name: "B" });
  const c = createTask(() => waiter(lock, "C"), { name: "C" });
  const d = createTask(() => waiter(lock, "D"), { name: "D" });
  await sleep(0);
  log("cancel B ->", b.cancel());
  lock.release();
  log("released; locked() =", lock.locked());
  await sleep(0);
  log("one step later: locked() =", lock.locked());
  await gather(b, c, d, { returnExceptions: true });
  log("B cancelled:", b.cancelled(), "locked() =", lock.locked());
}
