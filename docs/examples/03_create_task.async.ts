import { createTask, log, sleep } from "vloop";

async function sayAfter(delay: number, what: string) {
  await sleep(delay);
  log(what);
}

export async function main() {
  const task1 = createTask(() => sayAfter(1, "hello"));
  const task2 = createTask(() => sayAfter(2, "world"));
  log("started");
  // Wait until both tasks are completed (2 virtual seconds).
  await task1;
  await task2;
  log("finished");
}
