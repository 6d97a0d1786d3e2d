import { Barrier, createTask, gather, sleep } from "../../src/index.js";
import { log } from "../harness.js";

export const meta = {
  title: "arriving at a Barrier while it drains",
  description: "A task that calls wait() while the released parties have not all left yet (the barrier is draining) blocks until the last one leaves, then joins the next round with index 0.",
};

function* worker(barrier: Barrier, name: string) {
  log(name, "calls wait(); n_waiting =", barrier.nWaiting);
  const i = yield* barrier.wait();
  log(name, "passed with index", i);
  return i;
}

export function* main() {
  const barrier = new Barrier(2);
  const a = createTask(worker(barrier, "A"), { name: "A" });
  yield* sleep(0);
  const c = createTask(worker(barrier, "C"), { name: "C" });
  let i = yield* barrier.wait();
  log("main passed with index", i, "before A left; n_waiting =", barrier.nWaiting);
  yield* sleep(0);
  log("C is blocked until A has left; n_waiting =", barrier.nWaiting);
  yield* sleep(0);
  log("A left, C is now filling round 2; n_waiting =", barrier.nWaiting);
  i = yield* barrier.wait();
  log("main passed round 2 with index", i);
  return yield* gather(a, c);
}
