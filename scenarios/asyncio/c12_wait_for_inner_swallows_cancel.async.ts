import { CancelledError, TimeoutError, createTask, currentTask, sleep, waitFor } from "../../src/index.js";
import { log } from "../harness.js";

export const meta = {
  title: "waitFor() on a task that swallows the cancellation",
  description: "In 3.12, when the timeout's cancellation is swallowed and the awaited task or coroutine returns a value, wait_for() returns that value instead of raising TimeoutError.",
};

async function stubborn() {
  try {
    await sleep(10);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    log("stubborn swallows the cancellation");
  }
  await sleep(1);
  log("stubborn returns");
  return "late value";
}

export async function main() {
  const t = createTask(() => stubborn(), { name: "stubborn" });
  let r: string | undefined;
  try {
    r = await waitFor(t, 2);
    log("wait_for returned", r);
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    log("wait_for raised TimeoutError");
  }
  log("task cancelled?", t.cancelled(), "cancelling", currentTask()!.cancelling());
  try {
    r = await waitFor(() => stubborn(), 1);
    log("coroutine wait_for returned", r);
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    log("coroutine wait_for raised TimeoutError");
  }
  return r;
}
