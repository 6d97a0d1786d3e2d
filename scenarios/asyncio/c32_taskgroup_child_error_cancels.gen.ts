import { CancelledError, ExceptionGroup, type Task, TaskGroup, asyncWith, sleep } from "../../src/index.js";
import { ValueError, log, py } from "../harness.js";

export const meta = {
  title: "TaskGroup: a failing child cancels its siblings and the body",
  description: "The first child error cancels every other child and the task running the body; the group then raises an ExceptionGroup holding that error.",
};

function* failSoon(): Generator<unknown, never, unknown> {
  yield* sleep(1);
  log("child fails");
  throw new ValueError("boom");
}

function* sibling() {
  try {
    yield* sleep(10);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    log("sibling cancelled");
    throw e;
  }
}

export function* main() {
  let s!: Task<void>;
  try {
    yield* asyncWith(new TaskGroup(), function* (tg) {
      tg.createTask(failSoon(), { name: "failer" });
      s = tg.createTask(sibling(), { name: "sibling" });
      try {
        yield* sleep(10);
      } catch (e) {
        if (!(e instanceof CancelledError)) throw e;
        log("body cancelled");
        throw e;
      }
      log("not printed");
    });
  } catch (eg) {
    if (!(eg instanceof ExceptionGroup)) throw eg;
    log(eg.name, eg.exceptions.map((x) => (x as Error).name));
    log("message", py(eg.exceptions[0]));
  }
  log("sibling cancelled", s.cancelled());
  return "ok";
}
