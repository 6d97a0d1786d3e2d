import { createTask, getRunningLoop, sleep, waitFor } from "../../src/index.js";
import { ValueError, log, py, pyFloat } from "../harness.js";

export const meta = {
  title: "waitFor() of a task or coroutine that raises",
  description: "An exception raised by the awaited task or coroutine passes through wait_for() unchanged, and the timeout timer is cancelled.",
};

async function fail(n: number): Promise<never> {
  if (n) {
    await sleep(n);
  }
  throw new ValueError(`fail ${n}`);
}

export async function main() {
  const loop = getRunningLoop();
  const t = createTask(() => fail(1), { name: "fail1" });
  try {
    await waitFor(t, 5);
  } catch (e) {
    if (!(e instanceof ValueError)) throw e;
    log("task error passes through:", py(e));
  }
  try {
    await waitFor(() => fail(0), 5);
  } catch (e) {
    if (!(e instanceof ValueError)) throw e;
    log("coroutine error passes through:", py(e));
  }
  await sleep(0);
  log("timers cancelled; time", pyFloat(loop.time()));
  return "ok";
}
