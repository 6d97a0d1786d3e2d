import { ExceptionGroup, RuntimeError, TaskGroup, asyncWith, currentTask, eagerTaskFactory, getRunningLoop, sleep, type Task } from "../../src/index.js";
import { log } from "../harness.js";
import { now, child, crash } from "./56_eager_task_group.gen.js";

export const meta = {
  title: "eager tasks in a TaskGroup",
  description:
    "TaskGroup.create_task with eager tasks: a child done in its eager step is reported to the group at once and never waited for, and one that fails there aborts the group before create_task returns (its siblings and the parent are cancelled, and later create_task calls raise).",
};

// the coroutines are the generator twin's
// Eager tasks take generator coroutines in both styles (an async function's
// first step would end in microtasks, after createTask returns): main and
// the group bodies are async functions, the children generators.
export async function main() {
  getRunningLoop().setTaskFactory(eagerTaskFactory);
  // children that finish in their eager step are never awaited by the group
  let a!: Task<number>, b!: Task<number>, c!: Task<number>;
  await asyncWith(new TaskGroup(), async (tg) => {
    a = tg.createTask(child(1, null), { name: "one" });
    log("a done:", a.done(), a.getName());
    b = tg.createTask(child(2, 1));
    c = tg.createTask(child(3, 0));
    log("created three");
  });
  log("group 1 over at", now(), a.result(), b.result(), c.result());
  // a child that fails in its eager step aborts the group at once
  let s!: Task<number>;
  try {
    await asyncWith(new TaskGroup(), async (tg) => {
      s = tg.createTask(child(4, 5));
      log("s created");
      const f = tg.createTask(crash("early", null));
      log("after crash: f done", f.done(), "s cancelling", s.cancelling(), "main cancelling", currentTask()!.cancelling());
      try {
        tg.createTask(child(5, null));
      } catch (e) {
        if (!(e instanceof RuntimeError)) throw e;
        log("create after abort:", e.message);
      }
      await sleep(1);
      log("not reached");
    });
  } catch (eg) {
    if (!(eg instanceof ExceptionGroup)) throw eg;
    log("group 2 raised", eg.exceptions.map((e) => (e as Error).message), "at", now());
  }
  log("s cancelled:", s.cancelled(), "main cancelling", currentTask()!.cancelling());
}
