import { CancelledError, type Task, createTask, currentTask, shield, sleep } from "../../src/index.js";
import { log } from "../harness.js";

export const meta = {
  title: "shield() when the inner task itself is cancelled",
  description: "If the shielded task is cancelled, the outer future is cancelled too: the awaiting caller gets CancelledError without being cancelled itself, so it can go on.",
};

async function inner() {
  await sleep(5);
}

async function caller(t: Task<void>) {
  try {
    await shield(t);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    log("caller sees CancelledError; cancelling", currentTask()!.cancelling());
  }
  await sleep(1);
  log("caller goes on");
  return "caller ok";
}

export async function main() {
  const t = createTask(() => inner(), { name: "inner" });
  const c = createTask(() => caller(t), { name: "caller" });
  await sleep(1);
  t.cancel();
  const r = await c;
  log("caller returned", r, "inner cancelled", t.cancelled());
  return r;
}
