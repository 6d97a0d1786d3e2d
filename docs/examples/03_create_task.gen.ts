import { createTask, log, sleep } from "vloop";

function* sayAfter(delay: number, what: string) {
  yield* sleep(delay);
  log(what);
}

export function* main() {
  const task1 = createTask(sayAfter(1, "hello"));
  const task2 = createTask(sayAfter(2, "world"));
  log("started");
  // Wait until both tasks are completed (2 virtual seconds).
  yield* task1;
  yield* task2;
  log("finished");
}
