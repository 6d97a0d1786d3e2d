import { CancelledError, TimeoutError, createTask, currentTask, sleep, waitFor } from "../../src/index.js";
import { log } from "../harness.js";

export const meta = {
  title: "waitFor() timeout cancels the inner task",
  description: "When wait_for() times out it cancels the awaited task (or the inline coroutine), waits for it to finish, raises TimeoutError and leaves the caller uncancelled.",
};

async function work(n: number) {
  try {
    await sleep(n);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    log("work", n, "cancelled");
    throw e;
  }
  return n;
}

export async function main() {
  const t = createTask(() => work(10), { name: "inner" });
  try {
    await waitFor(t, 2);
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    log("TimeoutError; inner cancelled:", t.cancelled());
  }
  try {
    await waitFor(() => work(20), 1);
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    log("coroutine timed out");
  }
  log("main cancelling", currentTask()!.cancelling());
  return t.cancelled();
}
