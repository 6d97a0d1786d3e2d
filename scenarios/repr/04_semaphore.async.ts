import { BoundedSemaphore, Semaphore, asyncWith, createTask, sleep } from "../../src/index.js";
import { log } from "../harness.js";

export const meta = {
  title: "repr of Semaphore and BoundedSemaphore",
  description: "A semaphore prints its value while it is unlocked, and its waiters; release() hands the unit to a waiter at once, so it stays locked.",
};

export async function main() {
  const sem = new Semaphore(2);
  log("semaphore", String(sem));
  await sem.acquire();
  log("semaphore", String(sem));
  await sem.acquire();
  log("semaphore", String(sem));
  createTask(() => sem.acquire());
  createTask(() => sem.acquire());
  await sleep(0);
  log("semaphore", String(sem));
  sem.release();
  log("semaphore released", String(sem));
  await sleep(0);
  log("semaphore", String(sem));
  const bounded = new BoundedSemaphore(1);
  log("bounded", String(bounded));
  await asyncWith(bounded, async () => {
    log("bounded", String(bounded));
  });
  const zero = new Semaphore(0);
  log("zero", String(zero));
  const c = createTask(() => zero.acquire());
  await sleep(0);
  c.cancel();
  await sleep(0);
  log("zero, waiter cancelled", String(zero));
}
