import { Barrier, BrokenBarrierError, createTask, gather, sleep } from "../../src/index.js";
import { log } from "../harness.js";

export const meta = {
  title: "Barrier.abort()",
  description: "abort() breaks the Barrier: waiting tasks raise BrokenBarrierError('Abort or reset of barrier'), a later wait() raises BrokenBarrierError('Barrier aborted') at once, and reset() makes it usable again.",
};

function* worker(barrier: Barrier, name: string) {
  let i: number;
  try {
    i = yield* barrier.wait();
  } catch (e) {
    if (!(e instanceof BrokenBarrierError)) throw e;
    log(name, "got", e.name, e);
    return "broken";
  }
  log(name, "passed with index", i);
  return i;
}

export function* main() {
  const barrier = new Barrier(3);
  let ts = ["A", "B"].map((n) => createTask(worker(barrier, n), { name: n }));
  yield* sleep(1);
  yield* barrier.abort();
  log("after abort(): broken =", barrier.broken, "n_waiting =", barrier.nWaiting);
  yield* gather(...ts);
  const late = yield* worker(barrier, "late");
  log("a wait() after abort() ->", late);
  yield* barrier.reset();
  log("after reset(): broken =", barrier.broken);
  ts = ["C", "D", "E"].map((n) => createTask(worker(barrier, n), { name: n }));
  return yield* gather(...ts);
}
