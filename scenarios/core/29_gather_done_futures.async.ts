import { createTask, gather, getRunningLoop, sleep } from "../../src/index.js";
import { log } from "../harness.js";

export const meta = {
  title: "gather of futures that are already done",
  description: "In 3.12 gather() runs the done-callbacks of already-done children immediately, so gathering done futures gives a done future and awaiting it does not suspend.",
};

async function ticker() {
  for (let i = 0; i < 3; i++) {
    log("tick", i);
    await sleep(0);
  }
}

export async function main() {
  const loop = getRunningLoop();
  const f1 = loop.createFuture<number>();
  const f2 = loop.createFuture<number>();
  f1.setResult(1);
  f2.setResult(2);
  createTask(() => ticker());
  const g = gather(f1, f2);
  // In 3.12 gather() runs the done-callbacks of children that are
  // already done right away, so g is done before anyone awaits it.
  log("gather done() at once ->", g.done());
  const results = await g;
  log("results:", results);
  await sleep(0);
  log("main after sleep(0)");
  return results;
}
