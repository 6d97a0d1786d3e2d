import { CancelledError, Queue, createTask, gather, sleep } from "../../src/index.js";
import { log } from "../harness.js";

export const meta = {
  title: "a woken Queue putter that is cancelled passes the free slot on",
  description: "get_nowait() wakes the first blocked putter; if it is cancelled before it runs, its handler sees a free slot and wakes the next putter, which puts its item.",
};

function* putter(q: Queue<string>, item: string) {
  try {
    yield* q.put(item);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    log("putter of", item, "cancelled after being woken; full =", q.full());
    throw e;
  }
  log("put", item, "done");
}

export function* main() {
  const q = new Queue<string>(1);
  q.putNowait("first");
  const p1 = createTask(putter(q, "a"), { name: "P1" });
  const p2 = createTask(putter(q, "b"), { name: "P2" });
  yield* sleep(0);
  log("got", q.getNowait(), "which woke P1; cancel P1 ->", p1.cancel());
  yield* sleep(0);
  log("P1 passed the free slot on; qsize =", q.qsize());
  yield* sleep(0);
  log("qsize =", q.qsize(), "item:", q.getNowait());
  yield* gather(p1, p2, { returnExceptions: true });
  log("P1 cancelled:", p1.cancelled(), "P2 cancelled:", p2.cancelled());
}
