import { type Task, TaskGroup, asyncWith, sleep } from "../../src/index.js";
import { log } from "../harness.js";

export const meta = {
  title: "TaskGroup: every child succeeds",
  description: "A TaskGroup's children are ordinary tasks (default names use up task numbers); leaving the block waits until all of them are done.",
};

async function work(n: number) {
  await sleep(n);
  log("work", n, "done");
  return n * 10;
}

export async function main() {
  let a!: Task<number>;
  let b!: Task<number>;
  await asyncWith(new TaskGroup(), async (tg) => {
    a = tg.createTask(() => work(2));
    b = tg.createTask(() => work(1), { name: "named" });
    log("created", a.getName(), b.getName());
    await sleep(0);
    log("body ends");
  });
  log("group done", [a.result(), b.result()]);
  return [a.getName(), b.getName()];
}
