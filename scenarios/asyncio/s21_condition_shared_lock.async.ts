import { Condition, Lock, asyncWith, createTask, sleep } from "../../src/index.js";
import { log } from "../harness.js";

export const meta = {
  title: "two Conditions sharing one Lock",
  description: "Condition(lock) uses the given lock for locked()/acquire()/release(), while each Condition keeps its own waiters: notify_all() on one does not wake the other's.",
};

async function waiter(cond: Condition, name: string) {
  await asyncWith(cond, async () => {
    await cond.wait();
    log(name, "woke");
  });
}

export async function main() {
  const lock = new Lock();
  const c1 = new Condition(lock);
  const c2 = new Condition(lock);
  await lock.acquire();
  log("lock held: c1.locked() =", c1.locked(), "c2.locked() =", c2.locked());
  lock.release();
  const t1 = createTask(() => waiter(c1, "on-c1"), { name: "T1" });
  const t2 = createTask(() => waiter(c2, "on-c2"), { name: "T2" });
  await sleep(0);
  await asyncWith(c2, async () => {
    log("inside c2: lock.locked() =", lock.locked());
    c2.notifyAll();
  });
  await sleep(1);
  log("T1 still waits:", !t1.done(), "T2 done:", t2.done());
  await asyncWith(lock, async () => {
    c1.notify();
  });
  await t1;
  return lock.locked();
}
