import { type Task, TaskGroup, allTasks, asyncWith, getRunningLoop, sleep } from "../../src/index.js";
import { log, pyFloat } from "../harness.js";

export const meta = {
  title: "TaskGroup: no child outlives the group",
  description: "Even when the body returns at once, leaving the TaskGroup block waits for the last child; after it every child is done.",
};

function* work(n: number) {
  yield* sleep(n);
  log("work", n, "done");
  return n;
}

export function* main() {
  const loop = getRunningLoop();
  let ts!: Task<number>[];
  yield* asyncWith(new TaskGroup(), function* (tg) {
    ts = [3, 1, 2].map((n) => tg.createTask(work(n), { name: `w${n}` }));
    log("body returns immediately");
  });
  log("after the block at", pyFloat(loop.time()), ts.map((t) => t.done()));
  log("tasks left", allTasks().size);
  return ts.map((t) => t.result());
}
