import { TimeoutError, createTask, getRunningLoop, waitFor } from "../../src/index.js";
import { log } from "../harness.js";

export const meta = {
  title: "waitFor() with timeout <= 0",
  description: "wait_for(aw, t <= 0) returns a done future's result at once, else cancels it (a coroutine is wrapped in a task that never starts) and raises TimeoutError.",
};

async function neverStarted() {
  log("never_started runs"); // not printed
  return 1;
}

export async function main() {
  const loop = getRunningLoop();
  const done = loop.createFuture<string>();
  done.setResult("ready");
  log("done future, timeout 0 ->", await waitFor(done, 0));
  const pending = loop.createFuture<string>();
  try {
    await waitFor(pending, 0);
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    log("pending future, timeout 0: TimeoutError; cancelled", pending.cancelled());
  }
  try {
    await waitFor(() => neverStarted(), -1);
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    log("coroutine, timeout -1: TimeoutError");
  }
  const t = createTask(() => neverStarted());
  log("next task is", t.getName());
  t.cancel();
  return "ok";
}
