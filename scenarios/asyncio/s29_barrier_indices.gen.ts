import { Barrier, createTask, gather, sleep } from "../../src/index.js";
import { log } from "../harness.js";

export const meta = {
  title: "Barrier arrival indices",
  description: "Barrier.wait() returns each task's arrival index (0 for the first to arrive); n_waiting counts the tasks waiting while it fills, and the last arrival is released first.",
};

function* worker(barrier: Barrier, name: string, delay: number) {
  yield* sleep(delay);
  log(name, "arrives; n_waiting =", barrier.nWaiting);
  const index = yield* barrier.wait();
  log(name, "passes with index", index);
  return index;
}

export function* main() {
  const barrier = new Barrier(3);
  log("parties =", barrier.parties, "broken =", barrier.broken);
  const ts = [
    createTask(worker(barrier, "A", 2), { name: "A" }),
    createTask(worker(barrier, "B", 1), { name: "B" }),
    createTask(worker(barrier, "C", 3), { name: "C" }),
  ];
  yield* sleep(2.5);
  log("n_waiting =", barrier.nWaiting);
  const res = yield* gather(...ts);
  log("n_waiting after =", barrier.nWaiting);
  return res;
}
