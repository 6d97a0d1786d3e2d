import { LifoQueue, Queue, QueueShutDown, createTask, gather, getRunningLoop, sleep } from "../../src/index.js";
import { log, pyFloat } from "../harness.js";

export const meta = {
  title: "Queue.shutdown (Python 3.13)",
  description:
    "After shutdown() puts raise QueueShutDown at once and gets drain what is left, then raise; shutdown(immediate=True) drops the items, counts them done and wakes the waiting puts and gets to raise; the repr says shutdown.",
};

export function* consumer(q: Queue<unknown>, name: string) {
  for (;;) {
    let item: unknown;
    try {
      item = yield* q.get();
    } catch (e) {
      if (!(e instanceof QueueShutDown)) throw e;
      log(name, "sees the queue shut down");
      return name;
    }
    log(name, "got", item);
    yield* sleep(1);
    q.taskDone();
  }
}

export function* main() {
  // shutdown(): puts raise at once, gets drain what is left and then raise
  const q = new Queue<number>(1);
  const workers = [0, 1].map((i) => createTask(consumer(q, `w${i}`)));
  for (let i = 0; i < 3; i++) {
    yield* q.put(i);
    log("put", i);
  }
  q.shutdown();
  log("shut down:", String(q));
  try {
    q.putNowait(99);
  } catch (e) {
    if (!(e instanceof QueueShutDown)) throw e;
    log("put_nowait raises QueueShutDown");
  }
  try {
    yield* q.put(99);
  } catch (e) {
    if (!(e instanceof QueueShutDown)) throw e;
    log("put raises QueueShutDown");
  }
  yield* q.join();
  log("joined at", pyFloat(getRunningLoop().time()));
  log("workers:", yield* gather(...workers));
  // shutdown(immediate=True): items dropped and counted done; waiting puts and gets wake and raise
  const q2 = new Queue<string>(1);
  q2.putNowait("a");
  const blockedPut = createTask(q2.put("b"));
  yield* sleep(0);
  log("before:", String(q2));
  q2.shutdown(true);
  log("after:", String(q2), "empty", q2.empty());
  try {
    yield* blockedPut;
  } catch (e) {
    if (!(e instanceof QueueShutDown)) throw e;
    log("the waiting put raises QueueShutDown");
  }
  try {
    q2.getNowait();
  } catch (e) {
    if (!(e instanceof QueueShutDown)) throw e;
    log("get_nowait raises QueueShutDown");
  }
  yield* q2.join();
  log("join returns at once");
  // a get waiting on an empty queue wakes and raises; a LifoQueue drains newest first
  const q3 = new LifoQueue<unknown>();
  const waiting = createTask(consumer(q3, "w3"));
  yield* sleep(0);
  q3.shutdown();
  log("waiting consumer:", yield* waiting);
  const q4 = new LifoQueue<string>();
  for (const x of "xyz") q4.putNowait(x);
  q4.shutdown();
  log("drained:", [0, 1, 2].map(() => q4.getNowait()), String(q4));
}
