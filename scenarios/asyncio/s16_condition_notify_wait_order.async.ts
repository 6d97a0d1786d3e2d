import { Condition, asyncWith, createTask, gather, sleep } from "../../src/index.js";
import { log } from "../harness.js";

export const meta = {
  title: "notify() follows wait() order, not task creation order",
  description: "Condition waiters are queued when they call wait(), so notify(1) wakes them in the order they began waiting.",
};

async function waiter(cond: Condition, name: string, delay: number) {
  await sleep(delay);
  await asyncWith(cond, async () => {
    log(name, "waits");
    await cond.wait();
    log(name, "woke");
  });
}

export async function main() {
  const cond = new Condition();
  const ts = [
    createTask(() => waiter(cond, "first-created", 3), { name: "T1" }),
    createTask(() => waiter(cond, "second-created", 1), { name: "T2" }),
    createTask(() => waiter(cond, "third-created", 2), { name: "T3" }),
  ];
  await sleep(5);
  for (let i = 0; i < 3; i++) {
    await asyncWith(cond, async () => {
      cond.notify(1);
    });
    await sleep(1);
  }
  await gather(...ts);
}
