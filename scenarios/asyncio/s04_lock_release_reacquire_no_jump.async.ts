import { Lock, createTask, gather, sleep } from "../../src/index.js";
import { log } from "../harness.js";

export const meta = {
  title: "a releaser that re-acquires at once queues behind the waiters",
  description: "release() wakes the first waiter but leaves the lock unlocked until it runs; an immediate acquire() by the releaser sees a live waiter and queues at the tail instead of jumping ahead, and acquires at once when nobody waits.",
};

async function greedy(lock: Lock) {
  for (let i = 0; i < 3; i++) {
    await lock.acquire();
    log("greedy has the lock, round", i);
    await sleep(1);
    lock.release();
    log("greedy released, locked() =", lock.locked());
  }
}

async function polite(lock: Lock, name: string) {
  log(name, "waits");
  await lock.acquire();
  log(name, "has the lock");
  await sleep(1);
  lock.release();
}

export async function main() {
  const lock = new Lock();
  const g = createTask(() => greedy(lock), { name: "greedy" });
  await sleep(0);
  const p1 = createTask(() => polite(lock, "P1"), { name: "P1" });
  const p2 = createTask(() => polite(lock, "P2"), { name: "P2" });
  await gather(g, p1, p2);
}
