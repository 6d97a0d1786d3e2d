import { createTask, currentTask, gather } from "../../src/index.js";
import { log } from "../harness.js";

export const meta = {
  title: "task names",
  description: "Default names are Task-<n>, counted over every task created (named tasks and gather's tasks use up a number too); set_name renames.",
};

function* report() {
  log("my name is", currentTask()!.getName());
}

export function* main() {
  log("main is Task-1 renamed:", currentTask()!.getName());
  const t2 = createTask(report());
  const t3 = createTask(report(), { name: "worker" });
  const t4 = createTask(report());
  log("names:", t2.getName(), t3.getName(), t4.getName());
  yield* gather(report(), report());
  const t7 = createTask(report());
  t7.setName("renamed");
  yield* t7;
  const t8 = createTask(report());
  yield* t8;
  return t8.getName();
}
