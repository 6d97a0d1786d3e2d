import { CancelledError, createTask, sleep, type Task } from "../../src/index.js";
import { log } from "../harness.js";

export const meta = {
  title: "cancelling a task cancels the task it awaits",
  description: "cancel() on a task blocked on another task forwards the cancel to that inner task at once; the outer task is cancelled one iteration after the inner one.",
};

async function inner() {
  try {
    await sleep(10);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    log("inner cancelled");
    throw e;
  }
}

async function outer(t: Task<void>) {
  try {
    await t;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    log("outer cancelled");
    throw e;
  }
}

export async function main() {
  const ti = createTask(() => inner());
  const to = createTask(() => outer(ti));
  await sleep(1);
  log("outer.cancel() ->", to.cancel());
  log("cancelling() inner, outer ->", ti.cancelling(), to.cancelling());
  for (let step = 0; step < 3; step++) {
    await sleep(0);
    log("after sleep(0) #", step, "done:", ti.done(), to.done());
  }
  log("cancelled() inner, outer ->", ti.cancelled(), to.cancelled());
}
