import { Barrier, BrokenBarrierError, createTask, gather, sleep } from "../../src/index.js";
import { log } from "../harness.js";

export const meta = {
  title: "Barrier.reset() while tasks wait",
  description: "reset() makes every task waiting at the Barrier raise BrokenBarrierError('Abort or reset of barrier'); the barrier is not broken afterwards and a full round passes again.",
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
  log("n_waiting =", barrier.nWaiting);
  await barrier.reset();
  log("after reset(): broken =", barrier.broken, "n_waiting =", barrier.nWaiting);
  let res = await gather(...ts);
  log("results", res, "broken =", barrier.broken);
  ts = ["C", "D", "E"].map((n) => createTask(() => worker(barrier, n), { name: n }));
  res = await gather(...ts);
  return res;
}
