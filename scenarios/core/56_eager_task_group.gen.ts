import { ExceptionGroup, RuntimeError, TaskGroup, asyncWith, currentTask, eagerTaskFactory, getRunningLoop, sleep, type Task } from "../../src/index.js";
import { ValueError, log, pyFloat } from "../harness.js";

export const meta = {
  title: "eager tasks in a TaskGroup",
  description:
    "TaskGroup.create_task with eager tasks: a child done in its eager step is reported to the group at once and never waited for, and one that fails there aborts the group before create_task returns (its siblings and the parent are cancelled, and later create_task calls raise).",
};

export function now() {
  return pyFloat(getRunningLoop().time());
}

export function* child(n: number, d: number | null) {
  log("child", n, "starts");
  if (d !== null) yield* sleep(d);
  log("child", n, "ends at", now());
  return n;
}

export function* crash(msg: string, d: number | null): Generator<unknown, never, unknown> {
  log("crash", msg, "starts");
  if (d !== null) yield* sleep(d);
  throw new ValueError(msg);
}

export function* main() {
  getRunningLoop().setTaskFactory(eagerTaskFactory);
  // children that finish in their eager step are never awaited by the group
  let a!: Task<number>, b!: Task<number>, c!: Task<number>;
  yield* asyncWith(new TaskGroup(), function* (tg) {
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
    yield* asyncWith(new TaskGroup(), function* (tg) {
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
      yield* sleep(1);
      log("not reached");
    });
  } catch (eg) {
    if (!(eg instanceof ExceptionGroup)) throw eg;
    log("group 2 raised", eg.exceptions.map((e) => (e as Error).message), "at", now());
  }
  log("s cancelled:", s.cancelled(), "main cancelling", currentTask()!.cancelling());
}
