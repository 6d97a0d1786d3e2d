import { allTasks, createTask, currentTask, sleep, waitFor } from "../../src/index.js";
import { log } from "../harness.js";

export const meta = {
  title: "waitFor() runs a coroutine inline",
  description: "In 3.12 wait_for() awaits a coroutine inside the calling task (under a timeout scope): no task is created and no task number is used.",
};

function* who(tag: string) {
  log(tag, "runs in", currentTask()!.getName());
  yield* sleep(1);
  return tag;
}

export function* main() {
  let r = yield* waitFor(who("coro"), 5);
  log("got", r);
  const t = createTask(who("task"));
  log("first created task is", t.getName());
  r = yield* waitFor(t, 5);
  log("got", r);
  log("tasks now", allTasks().size);
  return currentTask()!.getName();
}
