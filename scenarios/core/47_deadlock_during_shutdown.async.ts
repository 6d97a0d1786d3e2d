import { CancelledError, createTask, getRunningLoop, sleep, type Future } from "../../src/index.js";
import { log } from "../harness.js";

export const meta = {
  title: "deadlock during shutdown",
  description: "A task that answers its shutdown cancellation by waiting on a future nobody completes deadlocks the shutdown phase.",
};

async function clinger(fut: Future<unknown>) {
  try {
    await sleep(10);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    log("clinger cancelled; now waiting on a future forever");
    await fut;
  }
}

export async function main() {
  const fut = getRunningLoop().createFuture();
  createTask(() => clinger(fut));
  await sleep(1);
  log("main returns");
  return 1;
}
