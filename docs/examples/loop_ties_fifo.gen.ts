import { createTask, gather, log, sleep, type LoopOptions } from "vloop";

// Not CPython's order: the "fifo" strategy breaks deadline ties by insertion.
export const options: LoopOptions = { strategy: "fifo" };

function* sleeper(i: number) {
  yield* sleep(1);
  log(`t${i}`);
}

export function* main() {
  const tasks = Array.from({ length: 12 }, (_, i) => createTask(sleeper(i), { name: `t${i}` }));
  yield* gather(...tasks);
}
