import { Lock, asyncWith, createTask, sleep } from "../../src/index.js";
import { log } from "../harness.js";

export const meta = {
  title: "uncontended Lock acquire does not yield",
  description: "acquire() of a free Lock with no waiters returns at once without suspending, so another ready task does not run in between; only sleep(0) yields.",
};

function* other() {
  for (let i = 0; i < 3; i++) {
    log("other step", i);
    yield* sleep(0);
  }
}

export function* main() {
  const lock = new Lock();
  const t = createTask(other(), { name: "other" });
  yield* sleep(0);
  for (let i = 0; i < 3; i++) {
    yield* lock.acquire();
    log("acquired", i);
    lock.release();
  }
  yield* asyncWith(lock, function* () {
    log("async with entered");
  });
  log("four uncontended acquisitions, other did not run");
  yield* sleep(0);
  log("after sleep(0)");
  yield* t;
}
