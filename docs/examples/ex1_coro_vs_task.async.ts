import { createTask, log } from "vloop";

async function child(name: string) {
  log(name, "runs");
}

export async function main() {
  const task = createTask(() => child("the task"));
  log("A");
  await child("the coroutine");
  log("B");
  await task;
  log("C");
}
