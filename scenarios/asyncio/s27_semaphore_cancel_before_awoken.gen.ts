import { CancelledError, Semaphore, createTask, sleep } from "../../src/index.js";
import { log } from "../harness.js";

export const meta = {
  title: "Semaphore waiters cancelled before release()",
  description: "release() skips waiters whose futures are cancelled and wakes exactly one live waiter; locked() ignores cancelled waiters.",
};

function* waiter(sem: Semaphore, name: string) {
  try {
    yield* sem.acquire();
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    log(name, "cancelled");
    throw e;
  }
  log(name, "acquired");
}

export function* main() {
  const sem = new Semaphore(0);
  const ts = ["t1", "t2", "t3", "t4"].map((n) => createTask(waiter(sem, n), { name: n }));
  yield* sleep(0);
  log("locked() with four waiters:", sem.locked());
  ts[0].cancel();
  ts[1].cancel();
  sem.release();
  log("release() after two cancels; locked() =", sem.locked());
  yield* sleep(0);
  yield* sleep(0);
  log("done:", ts.map((t) => t.done()));
  ts[3].cancel();
  yield* sleep(0);
  log("locked() with no waiters, value 0:", sem.locked());
  sem.release();
  log("after release():", sem.locked());
}
