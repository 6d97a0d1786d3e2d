import { createTask, sleep } from "../../src/index.js";
import { log } from "../harness.js";

export const meta = {
  title: "equal deadlines pop in heapq order",
  description: "Timers with the same deadline leave asyncio's heap in heapq's order (t0 t2 t6 t11 t10 t9 t8 t5 t7 t4 t1 t3), not in FIFO order.",
};

async function sleeper(i: number) {
  await sleep(1);
  log(`t${i}`);
}

export async function main() {
  // Twelve timers with the same deadline: heapq pops them in its own
  // order (t0 t2 t6 t11 t10 t9 t8 t5 t7 t4 t1 t3), not in FIFO order.
  const tasks = Array.from({ length: 12 }, (_, i) => createTask(() => sleeper(i)));
  for (const t of tasks) {
    await t;
  }
  log("all awake");
}
