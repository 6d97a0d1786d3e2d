import { Barrier, BrokenBarrierError, createTask, gather, sleep } from "../../src/index.js";
import { log } from "../harness.js";

export const meta = {
  title: "Barrier.abort()",
  description: "abort() breaks the Barrier: waiting tasks raise BrokenBarrierError('Abort or reset of barrier'), a later wait() raises BrokenBarrierError('Barrier aborted') at once, and reset() makes it usable again.",
};

async function worker(barrier: Barrier, name: string) {
  let i: number;
  try {
    i = await barrier.wait();
  } catch (e) {
    if (!(e instanceof BrokenBarrierError)) throw e;
    log(name, "got", e.name, e);
    return "broken";
  }
  log(name, "passed with index", i);
  return i;
}

export async function main() {
  const barrier = new Barrier(3);
  let ts = ["A", "B"].map((n) => createTask(() => worker(barrier, n), { name: n }));
  await sleep(1);
  await barrier.abort();
  log("after abort(): broken =", barrier.broken, "n_waiting =", barrier.nWaiting);
  await gather(...ts);
  const late = await worker(barrier, "late");
  log("a wait() after abort() ->", late);
  await barrier.reset();
  log("after reset(): broken =", barrier.broken);
  ts = ["C", "D", "E"].map((n) => createTask(() => worker(barrier, n), { name: n }));
  return await gather(...ts);
}
