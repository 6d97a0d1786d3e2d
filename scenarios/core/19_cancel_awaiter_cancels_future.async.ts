import { CancelledError, createTask, getRunningLoop, sleep, type Future } from "../../src/index.js";
import { log } from "../harness.js";

export const meta = {
  title: "cancelling the awaiter cancels the future",
  description: "cancel() on a task blocked on a future cancels that future immediately; the task itself is cancelled at its next step.",
};

async function waiter(fut: Future<unknown>) {
  try {
    await fut;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    log("waiter cancelled; fut.cancelled() ->", fut.cancelled());
    throw e;
  }
}

export async function main() {
  const fut = getRunningLoop().createFuture();
  const t = createTask(() => waiter(fut));
  await sleep(1);
  log("cancel() ->", t.cancel());
  log("fut.cancelled() right after ->", fut.cancelled());
  try {
    await t;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    log("await t raised CancelledError");
  }
  log("task cancelled() ->", t.cancelled());
}
