import { newEventLoop, sleep } from "../../src/index.js";
import { fmtTime, say } from "./say.js";

export const meta = {
  title: "Tasks live on between run_until_complete calls",
  description: "A task created on a loop runs only while the loop runs: it is paused between two run_until_complete calls and carries on in the next one.",
};

async function ticker() {
  for (let i = 0; i < 5; i++) {
    say("tick", i);
    await sleep(1);
  }
  return "ticker done";
}

export async function main(): Promise<void> {
  const loop = newEventLoop();
  const t = loop.createTask(() => ticker());
  say("created", t.getName(), "done", t.done());
  await loop.runUntilComplete(sleep(2.5));
  say("first call returned at", fmtTime(loop.time()), "ticker done", t.done());
  say("second call returned", await loop.runUntilComplete(t), "at", fmtTime(loop.time()));
  loop.close();
}
