import { type Task, TaskGroup, asyncWith, getRunningLoop, sleep } from "../../src/index.js";
import { log, pyFloat } from "../harness.js";

export const meta = {
  title: "TaskGroup: a child adds a task while the group is exiting",
  description: "While the group waits in __aexit__ with children still running, create_task() is allowed, and the group also waits for the new task.",
};

async function grandchild() {
  await sleep(2);
  log("grandchild done");
  return "gc";
}

async function spawner(tg: TaskGroup, box: Task<string>[]) {
  await sleep(1);
  log("spawner adds a task while the group is exiting");
  box.push(tg.createTask(() => grandchild(), { name: "grandchild" }));
}

export async function main() {
  const loop = getRunningLoop();
  const box: Task<string>[] = [];
  await asyncWith(new TaskGroup(), async (tg) => {
    tg.createTask(() => spawner(tg, box), { name: "spawner" });
    log("body ends");
  });
  log("group exits at", pyFloat(loop.time()), "with", box[0].result());
  return "ok";
}
