import { Barrier, Condition, Lock, Semaphore, TaskGroup, asyncWith, log, sleep, timeout, type Task } from "vloop";
import { pyFloat } from "vloop/scenario";

async function party(barrier: Barrier, name: string) {
  await asyncWith(barrier, async (index) => {
    log(name, "passed the barrier with index", index);
  });
}

export async function main() {
  const lock = new Lock();
  await asyncWith(lock, async () => {
    log("Lock: locked() =", lock.locked());
  });

  const sem = new Semaphore(1);
  await asyncWith(sem, async () => {
    log("Semaphore: locked() =", sem.locked());
  });

  const cond = new Condition();
  await asyncWith(cond, async () => {
    cond.notifyAll();
    log("Condition: locked() =", cond.locked());
  });

  await asyncWith(timeout(5), async (cm) => {
    await sleep(1);
    log("timeout: when() =", pyFloat(cm.when()!), "expired() =", cm.expired());
  });

  let t!: Task<string>;
  await asyncWith(new TaskGroup(), async (tg) => {
    t = tg.createTask(sleep(1, "slept"));
  });
  log("TaskGroup: child result =", t.result());

  const barrier = new Barrier(2);
  await asyncWith(new TaskGroup(), async (tg) => {
    tg.createTask(() => party(barrier, "P"), { name: "P" });
    tg.createTask(() => party(barrier, "Q"), { name: "Q" });
  });
  log("Barrier: n_waiting =", barrier.nWaiting);
}
