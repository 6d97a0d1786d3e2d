import { CancelledError, Lock, createTask, sleep } from "../../src/index.js";
import { log } from "../harness.js";

export const meta = {
  title: "acquire() past a queue of only cancelled waiters",
  description: "acquire() on an unlocked Lock whose waiters are all cancelled takes the lock at once without suspending; the cancelled waiter then finds it locked and wakes nobody.",
};

async function waiter(lock: Lock) {
  try {
    await lock.acquire();
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    log("waiter cancelled; locked() =", lock.locked());
    throw e;
  }
  log("waiter got the lock"); // never
}

export async function main() {
  const lock = new Lock();
  await lock.acquire();
  const w = createTask(() => waiter(lock), { name: "W" });
  await sleep(0);
  w.cancel();
  lock.release();
  log("released with only a cancelled waiter queued");
  await lock.acquire();
  log("main re-acquired at once; locked() =", lock.locked());
  await sleep(0);
  log("W cancelled:", w.cancelled(), "locked() =", lock.locked());
  lock.release();
  return lock.locked();
}
