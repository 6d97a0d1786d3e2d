import { Lock, asyncWith, createTask, sleep } from "../../src/index.js";
import { log } from "../harness.js";

export const meta = {
  title: "uncontended Lock acquire does not yield",
  description: "acquire() of a free Lock with no waiters returns at once without suspending, so another ready task does not run in between; only sleep(0) yields.",
};

async function other() {
  for (let i = 0; i < 3; i++) {
    log("other step", i);
    await sleep(0);
  }
}

export async function main() {
  const lock = new Lock();
  const t = createTask(() => other(), { name: "other" });
  await sleep(0);
  for (let i = 0; i < 3; i++) {
    await lock.acquire();
    log("acquired", i);
    lock.release();
  }
  await asyncWith(lock, async () => {
    log("async with entered");
  });
  log("four uncontended acquisitions, other did not run");
  await sleep(0);
  log("after sleep(0)");
  await t;
}
