import { Semaphore, createTask, gather, sleep } from "../../src/index.js";
import { log } from "../harness.js";

export const meta = {
  title: "Semaphore: release then re-acquire goes to the back of the line",
  description: "Each release() hands the slot to the first waiter, so a task that releases and acquires again waits behind the others: rounds come out c1 c2 c3 c1 c2 c3.",
};

function* coro(sem: Semaphore, tag: string) {
  yield* sem.acquire();
  log(tag, "round 1");
  yield* sleep(1);
  sem.release();
  yield* sem.acquire();
  log(tag, "round 2");
  yield* sleep(1);
  sem.release();
}

export function* main() {
  const sem = new Semaphore(1);
  const ts = ["c1", "c2", "c3"].map((n) => createTask(coro(sem, n), { name: n }));
  yield* gather(...ts);
  return sem.locked();
}
