import { Barrier, createTask, gather, sleep } from "../../src/index.js";
import { log } from "../harness.js";

export const meta = {
  title: "Barrier arrival indices",
  description: "Barrier.wait() returns each task's arrival index (0 for the first to arrive); n_waiting counts the tasks waiting while it fills, and the last arrival is released first.",
};

async function worker(barrier: Barrier, name: string, delay: number) {
  await sleep(delay);
  log(name, "arrives; n_waiting =", barrier.nWaiting);
  const index = await barrier.wait();
  log(name, "passes with index", index);
  return index;
}

export async function main() {
  const barrier = new Barrier(3);
  log("parties =", barrier.parties, "broken =", barrier.broken);
  const ts = [
    createTask(() => worker(barrier, "A", 2), { name: "A" }),
    createTask(() => worker(barrier, "B", 1), { name: "B" }),
    createTask(() => worker(barrier, "C", 3), { name: "C" }),
  ];
  await sleep(2.5);
  log("n_waiting =", barrier.nWaiting);
  const res = await gather(...ts);
  log("n_waiting after =", barrier.nWaiting);
  return res;
}
