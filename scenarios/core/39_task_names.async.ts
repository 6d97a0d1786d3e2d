import { createTask, currentTask, gather } from "../../src/index.js";
import { log } from "../harness.js";

export const meta = {
  title: "task names",
  description: "Default names are Task-<n>, counted over every task created (named tasks and gather's tasks use up a number too); set_name renames.",
};

async function report() {
  log("my name is", currentTask()!.getName());
}

export async function main() {
  log("main is Task-1 renamed:", currentTask()!.getName());
  const t2 = createTask(() => report());
  const t3 = createTask(() => report(), { name: "worker" });
  const t4 = createTask(() => report());
  log("names:", t2.getName(), t3.getName(), t4.getName());
  await gather(() => report(), () => report());
  const t7 = createTask(() => report());
  t7.setName("renamed");
  await t7;
  const t8 = createTask(() => report());
  await t8;
  return t8.getName();
}
