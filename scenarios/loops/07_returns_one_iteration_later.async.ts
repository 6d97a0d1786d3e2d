import { newEventLoop, sleep } from "../../src/index.js";
import { fmtTime, say } from "./say.js";

export const meta = {
  title: "run_until_complete returns one iteration after the future is done",
  description: "The future's done callback stops the loop, and it runs in the next iteration, after the steps already scheduled in it; a future that is already done still costs one iteration.",
};

async function quick() {
  say("quick returns");
  return 1;
}

async function chatter() {
  for (let i = 0; i < 5; i++) {
    say("chatter", i);
    await sleep(0);
  }
}

export async function main(): Promise<void> {
  const loop = newEventLoop();
  loop.createTask(() => chatter());
  say("run_until_complete(quick()) returned", await loop.runUntilComplete(() => quick()));
  const fut = loop.createFuture<string>();
  loop.callLater(1, () => fut.setResult("x"));
  say("run_until_complete(fut) returned", await loop.runUntilComplete(fut), "at", fmtTime(loop.time()));
  const done = loop.createFuture<string>();
  done.setResult("already");
  say("a done future:", await loop.runUntilComplete(done));
  loop.close();
}
