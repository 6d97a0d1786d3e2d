import { CancelledError, DeadlockError, newEventLoop, sleep } from "../../src/index.js";
import { ValueError } from "../harness.js";
import { fmtTime, say } from "./say.js";

export const meta = {
  title: "What the future raises, run_until_complete raises",
  description: "A task's exception or cancellation is raised by run_until_complete; a loop that would wait forever is a deadlock; after each the loop can run again.",
};

async function failing() {
  await sleep(1);
  throw new ValueError("bad");
}

async function waiter() {
  await sleep(10);
}

export async function main(): Promise<void> {
  const loop = newEventLoop();
  try {
    await loop.runUntilComplete(() => failing());
  } catch (e) {
    if (!(e instanceof ValueError)) throw e;
    say("ValueError", e.message, "at", fmtTime(loop.time()));
  }
  const t = loop.createTask(() => waiter());
  loop.callLater(1, () => t.cancel());
  try {
    await loop.runUntilComplete(t);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    say("CancelledError at", fmtTime(loop.time()));
  }
  const fut = loop.createFuture();
  try {
    await loop.runUntilComplete(fut);
  } catch (e) {
    if (!(e instanceof DeadlockError)) throw e;
    say("deadlock at", fmtTime(loop.time()));
  }
  say("the loop still works:", await loop.runUntilComplete(sleep(1, "yes")), fmtTime(loop.time()));
  loop.close();
}
