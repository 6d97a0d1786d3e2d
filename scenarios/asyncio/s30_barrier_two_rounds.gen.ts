import { Barrier, createTask, gather, sleep } from "../../src/index.js";
import { log } from "../harness.js";

export const meta = {
  title: "a Barrier used for two rounds",
  description: "After all parties pass, the Barrier refills for the next round and indices start again from 0; a one-party Barrier passes at once with index 0.",
};

function* worker(barrier: Barrier, name: string, delays: number[]) {
  const got: number[] = [];
  for (const d of delays) {
    yield* sleep(d);
    const i = yield* barrier.wait();
    log(name, "round done, index", i);
    got.push(i);
  }
  return got;
}

export function* main() {
  const barrier = new Barrier(3);
  const ts = [
    createTask(worker(barrier, "A", [1, 3]), { name: "A" }),
    createTask(worker(barrier, "B", [2, 1]), { name: "B" }),
    createTask(worker(barrier, "C", [0, 2]), { name: "C" }),
  ];
  yield* sleep(2);
  log("at t=2: n_waiting =", barrier.nWaiting);
  yield* sleep(2);
  log("at t=4: n_waiting =", barrier.nWaiting);
  const res = yield* gather(...ts);
  const one = yield* new Barrier(1).wait();
  log("a one-party barrier passes at once with index", one);
  return res;
}
