import { Lock, asyncWith, createTask, gather, sleep } from "../../src/index.js";
import { log } from "../harness.js";

export const meta = {
  title: "Lock waiters are served FIFO",
  description: "Tasks blocked in Lock.acquire() get the lock one at a time in the order they started waiting.",
};

async function worker(lock: Lock, name: string) {
  log(name, "wants the lock");
  await asyncWith(lock, async () => {
    log(name, "has the lock");
    await sleep(1);
  });
  log(name, "released it");
}

export async function main() {
  const lock = new Lock();
  const tasks = ["A", "B", "C", "D"].map((n) => createTask(() => worker(lock, n), { name: n }));
  await gather(...tasks);
  return lock.locked();
}
