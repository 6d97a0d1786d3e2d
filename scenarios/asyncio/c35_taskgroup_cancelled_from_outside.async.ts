import { CancelledError, TaskGroup, asyncWith, createTask, sleep } from "../../src/index.js";
import { log } from "../harness.js";

export const meta = {
  title: "TaskGroup cancelled from outside",
  description: "Cancelling the task that runs a TaskGroup cancels the children; with no child errors the group re-raises CancelledError and the task ends cancelled.",
};

async function child(n: number) {
  try {
    await sleep(n);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    log("child", n, "cancelled");
    throw e;
  }
}

async function runner() {
  try {
    await asyncWith(new TaskGroup(), async (tg) => {
      tg.createTask(() => child(10), { name: "c10" });
      await sleep(10);
    });
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    log("runner: CancelledError out of the group");
    throw e;
  }
}

export async function main() {
  const r = createTask(() => runner(), { name: "runner" });
  await sleep(1);
  log("cancel runner ->", r.cancel());
  try {
    await r;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    log("runner cancelled", r.cancelled());
  }
  return "ok";
}
