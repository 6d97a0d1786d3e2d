import { Semaphore, asyncWith, createTask, gather, sleep } from "../../src/index.js";
import { log } from "../harness.js";

export const meta = {
  title: "Semaphore(2) limits concurrency",
  description: "With `async with sem`, at most two workers run at a time and blocked workers enter in the order they arrived as slots are released.",
};

async function worker(sem: Semaphore, name: string) {
  log(name, "wants a slot");
  await asyncWith(sem, async () => {
    log(name, "working");
    await sleep(1);
  });
  log(name, "done");
}

export async function main() {
  const sem = new Semaphore(2);
  const names = ["A", "B", "C", "D", "E"];
  const ts = names.map((n) => createTask(() => worker(sem, n), { name: n }));
  await sleep(0.5);
  log("locked() with two busy:", sem.locked());
  await gather(...ts);
  log("locked() at the end:", sem.locked());
}
