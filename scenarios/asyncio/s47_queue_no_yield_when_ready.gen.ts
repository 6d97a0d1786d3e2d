import { Queue, createTask, sleep } from "../../src/index.js";
import { log } from "../harness.js";

export const meta = {
  title: "Queue operations that can complete do not yield",
  description: "put() into a queue with room, get() from a non-empty queue and join() with nothing unfinished return without suspending, so another ready task does not run in between.",
};

function* ticker() {
  for (let i = 0; i < 3; i++) {
    log("tick", i);
    yield* sleep(0);
  }
}

export function* main() {
  const q = new Queue<number>(3);
  const t = createTask(ticker(), { name: "ticker" });
  yield* sleep(0);
  for (let i = 0; i < 3; i++) {
    yield* q.put(i);
  }
  log("three puts into a queue with room, no tick in between");
  const got: number[] = [];
  for (let k = 0; k < 3; k++) {
    got.push(yield* q.get());
  }
  log("three gets from a non-empty queue, no tick either:", got);
  for (let k = 0; k < 3; k++) {
    q.taskDone();
  }
  yield* q.join();
  log("join() with every item done returns at once too");
  yield* sleep(0);
  log("after sleep(0)");
  yield* t;
}
