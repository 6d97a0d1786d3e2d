import { BoundedSemaphore, ValueError, asyncWith } from "../../src/index.js";
import { log } from "../harness.js";

export const meta = {
  title: "BoundedSemaphore over-release",
  description: "BoundedSemaphore.release() beyond the initial value raises ValueError('BoundedSemaphore released too many times').",
};

export async function main() {
  const sem = new BoundedSemaphore(2);
  try {
    sem.release();
  } catch (e) {
    if (!(e instanceof ValueError)) throw e;
    log("release() at the bound:", e.name, e);
  }
  await asyncWith(sem, async () => {
    await asyncWith(sem, async () => {
      log("both slots taken; locked() =", sem.locked());
    });
    log("one released; locked() =", sem.locked());
  });
  log("both released; locked() =", sem.locked());
  await sem.acquire();
  sem.release();
  sem.release();
  log("never here");
}
