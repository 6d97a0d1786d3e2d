import { Lock, asyncWith, createTask, gather, sleep } from "../../src/index.js";
import { log } from "../harness.js";

export const meta = {
  title: "Lock waiters are served FIFO",
  description: "Tasks blocked in Lock.acquire() get the lock one at a time in the order they started waiting.",
};

function* worker(lock: Lock, name: string) {
  log(name, "wants the lock");
  yield* asyncWith(lock, function* () {
    log(name, "has the lock");
    yield* sleep(1);
  });
  log(name, "released it");
}

export function* main() {
  const lock = new Lock();
  const tasks = ["A", "B", "C", "D"].map((n) => createTask(worker(lock, n), { name: n }));
  yield* gather(...tasks);
  return lock.locked();
}
