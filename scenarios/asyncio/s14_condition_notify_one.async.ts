import { Condition, asyncWith, createTask, gather, sleep } from "../../src/index.js";
import { log } from "../harness.js";

export const meta = {
  title: "Condition.notify() wakes one waiter at a time",
  description: "notify() wakes the longest-waiting task; wait() returns True once it holds the lock again; notify() with no waiters is a no-op.",
};

async function waiter(cond: Condition, name: string) {
  await asyncWith(cond, async () => {
    log(name, "waiting");
    const r = await cond.wait();
    log(name, "woke, wait() ->", r, "locked() =", cond.locked());
  });
}

export async function main() {
  const cond = new Condition();
  const ts = ["A", "B", "C"].map((n) => createTask(() => waiter(cond, n), { name: n }));
  await sleep(0);
  log("locked() while all wait:", cond.locked());
  for (let i = 0; i < 3; i++) {
    await asyncWith(cond, async () => {
      log("notify()", i);
      cond.notify();
    });
    await sleep(0);
  }
  await asyncWith(cond, async () => {
    cond.notify();
    log("notify() with nobody waiting is a no-op");
  });
  await gather(...ts);
}
