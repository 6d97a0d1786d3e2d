import { CancelledError, createTask, currentTask, sleep } from "../../src/index.js";
import { log } from "../harness.js";

export const meta = {
  title: "cancelled in the step it would finish",
  description: "A task whose cancel() arrives in the step where its coroutine returns ends cancelled anyway; a cancel() after its wake-up is queued is thrown in at the await even though the sleep is over.",
};

async function selfCancelling() {
  log("b cancels itself:", currentTask()!.cancel());
  log("b returns anyway");
  return "b";
}

async function late() {
  try {
    await sleep(1);
    log("c slept"); // never: the cancel arrives first
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    log("c caught CancelledError although its sleep was over");
  }
  return "c";
}

export async function main() {
  const b = createTask(() => selfCancelling());
  const c = createTask(() => late());
  await sleep(1);
  // c's sleep ended in the same iteration as main's; c's step is queued
  // after main's, so this cancel() lands between the two.
  log("c.done() ->", c.done(), "c.cancel() ->", c.cancel());
  try {
    await b;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    log("b ended cancelled:", b.cancelled());
  }
  const value = await c;
  log("c returned", value, "cancelled() ->", c.cancelled());
}
