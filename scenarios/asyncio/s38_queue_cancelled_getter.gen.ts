import { CancelledError, Queue, createTask, gather, sleep } from "../../src/index.js";
import { log } from "../harness.js";

export const meta = {
  title: "cancelled Queue getters are skipped",
  description: "put_nowait() wakes the first getter that is not cancelled: a getter cancelled in the same step, or one already gone, never receives an item.",
};

function* getter(q: Queue<string>, name: string) {
  let item: string;
  try {
    item = yield* q.get();
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    log(name, "cancelled");
    throw e;
  }
  log(name, "got", item);
}

export function* main() {
  const q = new Queue<string>();
  const gs = ["G1", "G2", "G3", "G4"].map((n) => createTask(getter(q, n), { name: n }));
  yield* sleep(0);
  gs[0].cancel();
  q.putNowait("a");
  log("put 'a' right after cancelling G1");
  yield* sleep(0);
  gs[2].cancel();
  yield* sleep(0);
  q.putNowait("b");
  log("put 'b' after G3 was cancelled");
  yield* gather(...gs, { returnExceptions: true });
  log("cancelled:", gs.map((g) => g.cancelled()), "qsize =", q.qsize());
}
