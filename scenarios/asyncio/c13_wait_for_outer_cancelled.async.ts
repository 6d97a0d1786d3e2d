import { CancelledError, type Task, TimeoutError, createTask, sleep, waitFor } from "../../src/index.js";
import { log } from "../harness.js";

export const meta = {
  title: "waitFor() cancelled from outside",
  description: "Cancelling a task blocked in wait_for() cancels the awaited task too and raises CancelledError (not TimeoutError); the timeout timer is cancelled.",
};

async function work() {
  try {
    await sleep(10);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    log("inner cancelled");
    throw e;
  }
}

async function waiter(inner: Task<void>) {
  try {
    await waitFor(inner, 5);
  } catch (e) {
    if (e instanceof CancelledError) {
      log("waiter got CancelledError");
      throw e;
    }
    if (!(e instanceof TimeoutError)) throw e;
    log("waiter got TimeoutError"); // not printed
  }
}

export async function main() {
  const inner = createTask(() => work(), { name: "inner" });
  const w = createTask(() => waiter(inner), { name: "waiter" });
  await sleep(1);
  log("cancel waiter ->", w.cancel());
  try {
    await w;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    log("waiter cancelled", w.cancelled(), "inner cancelled", inner.cancelled());
  }
  await sleep(10);
  log("no timeout fired");
  return "ok";
}
