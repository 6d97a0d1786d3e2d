import { CancelledError, ExceptionGroup, TaskGroup, asyncWith, createTask, sleep } from "../../src/index.js";
import { ValueError, log } from "../harness.js";

export const meta = {
  title: "TaskGroup cancelled from outside while a child fails",
  description: "When a group cancelled from outside also collects a child error, the ExceptionGroup wins over the CancelledError: the task ends with the group error, not cancelled.",
};

async function child() {
  try {
    await sleep(10);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    log("child fails while being cancelled");
    throw new ValueError("cleanup failed");
  }
}

async function runner() {
  await asyncWith(new TaskGroup(), async (tg) => {
    tg.createTask(() => child(), { name: "child" });
    await sleep(10);
  });
}

export async function main() {
  const r = createTask(() => runner(), { name: "runner" });
  await sleep(1);
  log("cancel runner ->", r.cancel());
  try {
    await r;
  } catch (e) {
    if (e instanceof CancelledError) {
      log("not printed: errors win over the cancellation");
    } else if (e instanceof ExceptionGroup) {
      log("runner raised", e.name, e.exceptions.map((x) => (x as Error).name));
    } else throw e;
  }
  log("runner cancelled", r.cancelled(), "cancelling", r.cancelling());
  return "ok";
}
