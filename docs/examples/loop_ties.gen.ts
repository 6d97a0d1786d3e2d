import { createTask, gather, log, sleep } from "vloop";

function* sleeper(i: number) {
  yield* sleep(1);
  log(`t${i}`);
}

export function* main() {
  const tasks = Array.from({ length: 12 }, (_, i) => createTask(sleeper(i), { name: `t${i}` }));
  yield* gather(...tasks);
}
