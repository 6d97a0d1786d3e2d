import { FIRST_COMPLETED, type Future, type Task, asCompleted, createTask, sleep, wait } from "../../src/index.js";
import { log } from "../harness.js";

export const meta = {
  title: "asCompleted() and wait() with equal deadlines",
  description: "Futures that finish on the same tick reach as_completed() in heapq pop order (not FIFO), and wait(FIRST_COMPLETED) wakes after all of that tick's completions.",
};

function names(s: Set<Future<number>>) {
  return [...s].map((t) => (t as Task<number>).getName()).sort();
}

function* work(n: number) {
  yield* sleep(1);
  return n;
}

export function* main() {
  const ts = [1, 2, 3, 4].map((n) => createTask(work(n), { name: `w${n}` }));
  const order: number[] = [];
  for (const nextDone of asCompleted(ts)) {
    order.push(yield* nextDone);
  }
  log("as_completed order", order);
  const us = [1, 2, 3, 4].map((n) => createTask(work(n), { name: `u${n}` }));
  const [done, pending] = yield* wait(us, { returnWhen: FIRST_COMPLETED });
  log("FIRST_COMPLETED done", names(done), pending.size);
  return order;
}
