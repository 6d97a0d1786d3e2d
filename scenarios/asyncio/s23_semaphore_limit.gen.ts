import { Semaphore, asyncWith, createTask, gather, sleep } from "../../src/index.js";
import { log } from "../harness.js";

export const meta = {
  title: "Semaphore(2) limits concurrency",
  description: "With `async with sem`, at most two workers run at a time and blocked workers enter in the order they arrived as slots are released.",
};

function* worker(sem: Semaphore, name: string) {
  log(name, "wants a slot");
  yield* asyncWith(sem, function* () {
    log(name, "working");
    yield* sleep(1);
  });
  log(name, "done");
}

export function* main() {
  const sem = new Semaphore(2);
  const names = ["A", "B", "C", "D", "E"];
  const ts = names.map((n) => createTask(worker(sem, n), { name: n }));
  yield* sleep(0.5);
  log("locked() with two busy:", sem.locked());
  yield* gather(...ts);
  log("locked() at the end:", sem.locked());
}
