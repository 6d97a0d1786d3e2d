import { asCompleted, createTask, sleep } from "../../src/index.js";
import { log } from "../harness.js";

export const meta = {
  title: "asCompleted() in completion order",
  description: "as_completed() yields results in the order the futures finish; each result reaches the consumer through a done callback and a queue, two iterations after the task ends.",
};

function* work(n: number) {
  for (let i = 0; i < n; i++) {
    yield* sleep(0);
  }
  log("work", n, "done");
  return n;
}

function* ticker() {
  for (let i = 0; i < 10; i++) {
    log("tick", i);
    yield* sleep(0);
  }
}

export function* main() {
  createTask(ticker(), { name: "ticker" });
  const ts = [5, 1, 3].map((n) => createTask(work(n), { name: `w${n}` }));
  const order: number[] = [];
  for (const nextDone of asCompleted(ts)) {
    const r = yield* nextDone;
    log("got", r);
    order.push(r);
  }
  return order;
}
