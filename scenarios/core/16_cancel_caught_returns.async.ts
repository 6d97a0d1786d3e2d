import { CancelledError, createTask, sleep } from "../../src/index.js";
import { log } from "../harness.js";

export const meta = {
  title: "a task that swallows its cancellation",
  description: "A task that catches CancelledError and returns normally ends with its result, not cancelled.",
};

async function worker() {
  try {
    await sleep(10);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    log("worker ignores the cancellation");
  }
  await sleep(1);
  log("worker returns 42");
  return 42;
}

export async function main() {
  const t = createTask(() => worker());
  await sleep(1);
  log("cancel() ->", t.cancel());
  const value = await t;
  log("got", value, "cancelled() ->", t.cancelled());
  return value;
}
