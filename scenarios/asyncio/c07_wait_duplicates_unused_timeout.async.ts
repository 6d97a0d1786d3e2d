import { type Future, type Task, createTask, getRunningLoop, sleep, wait } from "../../src/index.js";
import { log, pyFloat } from "../harness.js";

export const meta = {
  title: "wait() with duplicates and an unused timeout",
  description: "wait() turns its argument into a set, so a future listed twice counts once; a timeout that never fires is cancelled and the clock never jumps to it.",
};

function names(s: Set<Future<number>>) {
  return [...s].map((t) => (t as Task<number>).getName()).sort();
}

async function work(n: number) {
  await sleep(n);
  log("work", n, "done");
  return n;
}

export async function main() {
  const loop = getRunningLoop();
  const t = createTask(() => work(1), { name: "t" });
  const u = createTask(() => work(2), { name: "u" });
  const [done, pending] = await wait([t, t, u, t], { timeout: 100 });
  log("done", names(done), "pending", pending.size);
  log("now", pyFloat(loop.time()));
  await sleep(0);
  log("the 100s timer was cancelled; nothing left to wait for");
  return done.size;
}
