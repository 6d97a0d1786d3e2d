import { Semaphore, asyncWith } from "../../src/index.js";
import { log } from "../harness.js";

export const meta = {
  title: "Semaphore counting and locked()",
  description: "locked() is True exactly when acquire() would block; a plain Semaphore may be released past its initial value, and acquiring a locked semaphore with nobody to release it deadlocks.",
};

export async function main() {
  const sem = new Semaphore(2);
  log("Semaphore(2): locked() =", sem.locked());
  for (let i = 0; i < 2; i++) {
    const r = await sem.acquire();
    log("acquire()", i, "->", r, "locked() =", sem.locked());
  }
  sem.release();
  log("one release(): locked() =", sem.locked());
  sem.release();
  sem.release();
  log("released past the initial value, no error");
  let n = 0;
  while (!sem.locked()) {
    await sem.acquire();
    n += 1;
  }
  log("acquired", n, "more without waiting; locked() =", sem.locked());
  await asyncWith(sem, async () => {
    log("never here");
  });
}
