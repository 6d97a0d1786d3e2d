import { Condition, asyncWith, createTask, gather, sleep } from "../../src/index.js";
import { log } from "../harness.js";

export const meta = {
  title: "notify(2) and notify_all() hand the lock on in FIFO order",
  description: "notify(n) wakes the n longest waiters, notify_all() the rest; woken waiters re-acquire the lock one at a time in wait order, and none runs before the notifier releases the lock.",
};

async function waiter(cond: Condition, name: string) {
  await asyncWith(cond, async () => {
    await cond.wait();
    log(name, "woke, holds the lock");
    await sleep(1);
    log(name, "leaves");
  });
}

export async function main() {
  const cond = new Condition();
  const ts = ["A", "B", "C", "D", "E"].map((n) => createTask(() => waiter(cond, n), { name: n }));
  await sleep(0);
  await asyncWith(cond, async () => {
    cond.notify(2);
    log("notify(2)");
  });
  await sleep(5);
  await asyncWith(cond, async () => {
    cond.notifyAll();
    log("notify_all(), still holding the lock");
    await sleep(1);
    log("notifier releases");
  });
  await gather(...ts);
}
