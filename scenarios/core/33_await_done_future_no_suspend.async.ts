import { createTask, getRunningLoop, sleep } from "../../src/index.js";
import { log } from "../harness.js";

export const meta = {
  title: "awaiting a done future does not suspend",
  description: "await on a future that is already done returns its result at once, without giving other tasks a turn.",
};

async function other() {
  for (let i = 0; i < 3; i++) {
    log("other", i);
    await sleep(0);
  }
}

export async function main() {
  const fut = getRunningLoop().createFuture<string>();
  fut.setResult("x");
  createTask(() => other());
  await sleep(0);
  log("main: awaiting a done future");
  const v1 = await fut;
  const v2 = await fut;
  log("main: got", v1, v2, "without suspending");
  await sleep(0);
  log("main: after sleep(0)");
  return v1;
}
