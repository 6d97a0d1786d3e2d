import { Barrier, Condition, Lock, Semaphore, TaskGroup, asyncWith, log, sleep, timeout, type Task } from "vloop";
import { pyFloat } from "vloop/scenario";

function* party(barrier: Barrier, name: string) {
  yield* asyncWith(barrier, function* (index) {
    log(name, "passed the barrier with index", index);
  });
}

export function* main() {
  const lock = new Lock();
  yield* asyncWith(lock, function* () {
    log("Lock: locked() =", lock.locked());
  });

  const sem = new Semaphore(1);
  yield* asyncWith(sem, function* () {
    log("Semaphore: locked() =", sem.locked());
  });

  const cond = new Condition();
  yield* asyncWith(cond, function* () {
    cond.notifyAll();
    log("Condition: locked() =", cond.locked());
  });

  yield* asyncWith(timeout(5), function* (cm) {
    yield* sleep(1);
    log("timeout: when() =", pyFloat(cm.when()!), "expired() =", cm.expired());
  });

  let t!: Task<string>;
  yield* asyncWith(new TaskGroup(), function* (tg) {
    t = tg.createTask(sleep(1, "slept"));
  });
  log("TaskGroup: child result =", t.result());

  const barrier = new Barrier(2);
  yield* asyncWith(new TaskGroup(), function* (tg) {
    tg.createTask(party(barrier, "P"), { name: "P" });
    tg.createTask(party(barrier, "Q"), { name: "Q" });
  });
  log("Barrier: n_waiting =", barrier.nWaiting);
}
