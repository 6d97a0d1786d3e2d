import { LifoQueue, PriorityQueue, Queue, createTask, sleep } from "../../src/index.js";
import { log } from "../harness.js";

export const meta = {
  title: "repr of Queue, PriorityQueue and LifoQueue",
  description: "A queue prints maxsize, its items in storage order (a heap for PriorityQueue), waiting getters and putters, and the count of unfinished tasks.",
};

export function* main() {
  const q = new Queue<string>();
  log("queue", String(q));
  log("str", String(q));
  createTask(q.get());
  createTask(q.get());
  yield* sleep(0);
  log("two getters", String(q));
  q.putNowait("a");
  log("put", String(q));
  yield* sleep(0);
  log("got", String(q));
  q.taskDone();
  log("task_done", String(q));
  const b = new Queue<unknown>(2);
  b.putNowait([1, "a"]);
  b.putNowait(null);
  createTask(b.put("c"));
  yield* sleep(0);
  log("full", String(b));
  const pq = new PriorityQueue<[number, string]>();
  for (const item of [[3, "c"], [1, "a"], [2, "b"], [0, "z"]] as [number, string][]) {
    pq.putNowait(item);
  }
  log("priority", String(pq));
  const lq = new LifoQueue<number>(5);
  lq.putNowait(1);
  lq.putNowait(2);
  log("lifo", String(lq));
  lq.getNowait();
  lq.taskDone();
  log("lifo", String(lq));
}
