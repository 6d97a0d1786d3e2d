import { createTask, sleep } from "../../src/index.js";
import { log } from "../harness.js";

export const meta = {
  title: "say_after with two tasks",
  description: "Two tasks created with create_task run concurrently, so awaiting them in turn finishes at t=2, not t=3.",
};

async function sayAfter(delay: number, what: string) {
  await sleep(delay);
  log(what);
}

export async function main() {
  const task1 = createTask(() => sayAfter(1, "hello"));
  const task2 = createTask(() => sayAfter(2, "world"));
  log("started");
  await task1;
  await task2;
  log("finished");
}
