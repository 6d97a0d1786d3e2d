import { type Task, TaskGroup, asyncWith, getRunningLoop, sleep } from "../../src/index.js";
import { log, pyFloat } from "../harness.js";

export const meta = {
  title: "TaskGroup: a child adds a task while the group is exiting",
  description: "While the group waits in __aexit__ with children still running, create_task() is allowed, and the group also waits for the new task.",
};

function* grandchild() {
  yield* sleep(2);
  log("grandchild done");
  return "gc";
}

function* spawner(tg: TaskGroup, box: Task<string>[]) {
  yield* sleep(1);
  log("spawner adds a task while the group is exiting");
  box.push(tg.createTask(grandchild(), { name: "grandchild" }));
}

export function* main() {
  const loop = getRunningLoop();
  const box: Task<string>[] = [];
  yield* asyncWith(new TaskGroup(), function* (tg) {
    tg.createTask(spawner(tg, box), { name: "spawner" });
    log("body ends");
  });
  log("group exits at", pyFloat(loop.time()), "with", box[0].result());
  return "ok";
}
