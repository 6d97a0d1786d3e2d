import { CancelledError, Queue, createTask, gather, sleep } from "../../src/index.js";
import { log } from "../harness.js";

export const meta = {
  title: "a woken Queue getter that is cancelled wakes the next getter",
  description: "If the getter that put_nowait() woke is cancelled before it runs, the item stays in the queue and its handler wakes the next getter, which takes it.",
};

function* getter(q: Queue<string>, name: string) {
  let item: string;
  try {
    item = yield* q.get();
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    log(name, "cancelled after being woken; qsize =", q.qsize());
    throw e;
  }
  log(name, "got", item);
  return item;
}

export function* main() {
  const q = new Queue<string>();
  const g1 = createTask(getter(q, "G1"), { name: "G1" });
  const g2 = createTask(getter(q, "G2"), { name: "G2" });
  yield* sleep(0);
  q.putNowait("item");
  log("put woke G1; cancel G1 ->", g1.cancel());
  yield* sleep(0);
  log("G1 passed the wake-up to G2; qsize =", q.qsize());
  const res = yield* gather(g1, g2, { returnExceptions: true });
  log("G1 cancelled:", g1.cancelled(), "G2 got:", res[1]);
}
