import { createTask, sleep } from "../../src/index.js";
import { log } from "../harness.js";

export const meta = {
  title: "three interleaved deadlines",
  description: "Timers pushed with deadlines 1, 2, 3, 1, 2, 3, ... fire by deadline, and within each deadline in heapq's (non-FIFO) order.",
};

function* sleeper(i: number, delay: number) {
  yield* sleep(delay);
  log(`t${i} woke after ${delay}`);
}

export function* main() {
  // Deadlines 1, 2, 3, 1, 2, 3, ... pushed onto one heap.
  const tasks = Array.from({ length: 12 }, (_, i) => createTask(sleeper(i, (i % 3) + 1)));
  for (const t of tasks) {
    yield* t;
  }
  log("all awake");
}
