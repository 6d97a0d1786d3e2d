import { CancelledError, ExceptionGroup, RuntimeError, TaskGroup, asyncWith, createTask, sleep } from "../../src/index.js";
import { ValueError, log } from "../harness.js";

export const meta = {
  title: "TaskGroup: create_task after an abort or after exit",
  description: "create_task() raises RuntimeError once the group is shutting down and once it is finished, before any task is made (no task number is used).",
};

function* failSoon(): Generator<unknown, never, unknown> {
  yield* sleep(1);
  throw new ValueError("boom");
}

function* late() {
  log("late child runs"); // never
}

export function* main() {
  let tg!: TaskGroup;
  try {
    yield* asyncWith(new TaskGroup(), function* (g) {
      tg = g;
      tg.createTask(failSoon(), { name: "failer" });
      try {
        yield* sleep(10);
      } catch (e) {
        if (!(e instanceof CancelledError)) throw e;
        try {
          tg.createTask(late());
        } catch (e2) {
          if (!(e2 instanceof RuntimeError)) throw e2;
          log("create_task while aborting: RuntimeError");
        }
        throw e;
      }
    });
  } catch (eg) {
    if (!(eg instanceof ExceptionGroup)) throw eg;
    log("caught", eg.exceptions.map((x) => (x as Error).name));
  }
  try {
    tg.createTask(late());
  } catch (e) {
    if (!(e instanceof RuntimeError)) throw e;
    log("create_task after exit: RuntimeError");
  }
  const t = createTask(late());
  log("next default name:", t.getName());
  t.cancel();
  return "ok";
}
