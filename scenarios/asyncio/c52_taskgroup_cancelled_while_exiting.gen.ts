import { CancelledError, TaskGroup, asyncWith, createTask, sleep } from "../../src/index.js";
import { log } from "../harness.js";

export const meta = {
  title: "TaskGroup cancelled while waiting in __aexit__",
  description: "A cancel that reaches the parent while the group waits for its children in __aexit__ aborts the remaining children and propagates as CancelledError.",
};

function* child(n: number) {
  try {
    yield* sleep(n);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    log("child", n, "cancelled");
    throw e;
  }
  log("child", n, "done");
}

function* runner() {
  try {
    yield* asyncWith(new TaskGroup(), function* (tg) {
      tg.createTask(child(1), { name: "c1" });
      tg.createTask(child(5), { name: "c5" });
      log("body ends; the group waits in __aexit__");
    });
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    log("runner: CancelledError out of the group");
    throw e;
  }
}

export function* main() {
  const r = createTask(runner(), { name: "runner" });
  yield* sleep(2);
  r.cancel();
  try {
    yield* r;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    log("runner cancelled", r.cancelled());
  }
  return "ok";
}
