import { createTask, sleep } from "../../src/index.js";
import { log } from "../harness.js";

export const meta = {
  title: "say_after with two tasks",
  description: "Two tasks created with create_task run concurrently, so awaiting them in turn finishes at t=2, not t=3.",
};

function* sayAfter(delay: number, what: string) {
  yield* sleep(delay);
  log(what);
}

export function* main() {
  const task1 = createTask(sayAfter(1, "hello"));
  const task2 = createTask(sayAfter(2, "world"));
  log("started");
  yield* task1;
  yield* task2;
  log("finished");
}
