import { TimeoutError, createTask, shield, sleep, wait, waitFor } from "../../src/index.js";
import { log } from "../harness.js";

export const meta = {
  title: "waitFor(shield(task)) times out without cancelling the task",
  description: "wait_for() on a shielded task cancels only the shield's outer future on timeout; the task runs on and can be awaited again later.",
};

async function slow() {
  await sleep(3);
  log("slow finishes");
  return "slow value";
}

export async function main() {
  const t = createTask(() => slow(), { name: "slow" });
  try {
    await waitFor(shield(t), 1);
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    log("TimeoutError; task cancelled?", t.cancelled());
  }
  const [done, pending] = await wait([t], { timeout: 1 });
  log("after wait(timeout=1):", done.size, pending.size);
  const r = await waitFor(t, 5);
  log("got", r);
  return r;
}
