import { Queue, createTask, gather, sleep } from "../../src/index.js";
import { log } from "../harness.js";

export const meta = {
  title: "Queue.join() and task_done()",
  description: "join() blocks until task_done() has been called once for every item put, then returns; the workers are cancelled afterwards.",
};

function* worker(q: Queue<number>, name: string) {
  while (true) {
    const item = yield* q.get();
    log(name, "took", item);
    yield* sleep(item);
    log(name, "finished", item);
    q.taskDone();
  }
}

export function* main() {
  const q = new Queue<number>();
  for (const item of [3, 1, 2, 1]) {
    q.putNowait(item);
  }
  const ws = ["W1", "W2"].map((n) => createTask(worker(q, n), { name: n }));
  log("join() waits for 4 task_done() calls");
  yield* q.join();
  log("join() returned; qsize =", q.qsize());
  for (const w of ws) {
    w.cancel();
  }
  yield* gather(...ws, { returnExceptions: true });
  log("workers cancelled:", ws.map((w) => w.cancelled()));
}
