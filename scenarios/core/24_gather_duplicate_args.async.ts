import { CancelledError, createTask, gather, getRunningLoop, sleep } from "../../src/index.js";
import { log } from "../harness.js";

export const meta = {
  title: "gather with duplicate arguments",
  description: "gather() waits once for an awaitable passed several times and repeats its result, but its children list keeps the duplicates, so cancelling the gather cancels that task once per occurrence.",
};

async function work() {
  log("work runs once");
  await sleep(1);
  return 7;
}

async function nap() {
  await sleep(10);
}

export async function main() {
  const loop = getRunningLoop();
  const t = createTask(() => work());
  const fut = loop.createFuture<string>();
  loop.callLater(2, (v: string) => fut.setResult(v), "f");
  const results = await gather(t, fut, t, fut, t);
  log("results:", results);
  // The children list keeps the duplicates: cancelling the gather
  // cancels the same task once per occurrence.
  const s = createTask(() => nap());
  const g = gather(s, s);
  log("gather.cancel() ->", g.cancel(), "s.cancelling() ->", s.cancelling());
  try {
    await g;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    log("gather raised CancelledError; s.cancelled() ->", s.cancelled());
  }
  return results;
}
