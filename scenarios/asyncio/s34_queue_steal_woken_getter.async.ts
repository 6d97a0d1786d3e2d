import { Queue, createTask, gather, sleep } from "../../src/index.js";
import { log } from "../harness.js";

export const meta = {
  title: "a woken getter whose item was stolen waits again at the tail",
  description: "put_nowait() wakes G1 and removes its waiter from the queue of getters; when get_nowait() takes the item first, G1 finds the queue empty and queues a new waiter behind G2, so G2 gets the next item.",
};

async function getter(q: Queue<string>, name: string) {
  const item = await q.get();
  log(name, "got", item);
  return item;
}

export async function main() {
  const q = new Queue<string>();
  const g1 = createTask(() => getter(q, "G1"), { name: "G1" });
  const g2 = createTask(() => getter(q, "G2"), { name: "G2" });
  await sleep(0);
  q.putNowait("x");
  const stolen = q.getNowait();
  log("main stole", stolen, "from the woken G1");
  await sleep(0);
  log("G1 went back to waiting, now behind G2");
  q.putNowait("y");
  q.putNowait("z");
  return await gather(g1, g2);
}
