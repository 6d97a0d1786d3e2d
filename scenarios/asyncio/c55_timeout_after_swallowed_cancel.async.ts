import { CancelledError, TimeoutError, asyncWith, createTask, currentTask, sleep, timeout } from "../../src/index.js";
import { log } from "../harness.js";

export const meta = {
  title: "a timeout entered after a swallowed cancel",
  description: "timeout() records cancelling() on entry, so a task that swallowed an earlier cancel (cancelling() == 1) still gets TimeoutError when the scope expires.",
};

async function worker() {
  try {
    await sleep(10);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    log("worker swallows a cancel; cancelling", currentTask()!.cancelling());
  }
  try {
    await asyncWith(timeout(1), async () => {
      await sleep(5);
    });
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    log("TimeoutError anyway; cancelling", currentTask()!.cancelling());
  }
  return "done";
}

export async function main() {
  const t = createTask(() => worker(), { name: "worker" });
  await sleep(1);
  t.cancel();
  const r = await t;
  log("worker returned", r);
  return r;
}
