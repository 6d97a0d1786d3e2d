import { Queue, createTask, sleep } from "../../src/index.js";
import { log } from "../harness.js";

export const meta = {
  title: "a bounded Queue blocks put() while full",
  description: "With maxsize 2, put() blocks while the queue is full and resumes one step after a get() frees a slot; qsize(), full() and empty() track the contents.",
};

function* producer(q: Queue<number>) {
  for (let i = 0; i < 5; i++) {
    log("put", i, "qsize =", q.qsize(), "full =", q.full());
    yield* q.put(i);
    log("put", i, "done");
  }
}

function* consumer(q: Queue<number>) {
  const got: number[] = [];
  for (let k = 0; k < 5; k++) {
    yield* sleep(1);
    const item = yield* q.get();
    log("got", item, "qsize =", q.qsize());
    got.push(item);
  }
  return got;
}

export function* main() {
  const q = new Queue<number>(2);
  log("maxsize =", q.maxsize, "empty =", q.empty(), "full =", q.full());
  const p = createTask(producer(q), { name: "producer" });
  const c = createTask(consumer(q), { name: "consumer" });
  yield* p;
  log("producer finished; qsize =", q.qsize());
  const got = yield* c;
  log("empty =", q.empty());
  return got;
}
