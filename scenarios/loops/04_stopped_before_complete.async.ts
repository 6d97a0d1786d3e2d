import { RuntimeError, getRunningLoop, newEventLoop, sleep } from "../../src/index.js";
import { fmtTime, say } from "./say.js";

export const meta = {
  title: "A loop stopped before the future is done",
  description: "stop() called by a task ends run_until_complete with RuntimeError('Event loop stopped before Future completed.'); the task is still pending and a later call finishes it.",
};

async function stopper() {
  say("stopping the loop");
  getRunningLoop().stop();
  await sleep(1);
  say("stopper resumed");
  return "ok";
}

export async function main(): Promise<void> {
  const loop = newEventLoop();
  const t = loop.createTask(() => stopper());
  try {
    await loop.runUntilComplete(t);
  } catch (e) {
    if (!(e instanceof RuntimeError)) throw e;
    say("RuntimeError", e.message);
  }
  say("task done", t.done(), "at", fmtTime(loop.time()));
  say("again:", await loop.runUntilComplete(t), "at", fmtTime(loop.time()));
  loop.close();
}
