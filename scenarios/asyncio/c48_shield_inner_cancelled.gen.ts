import { CancelledError, type Task, createTask, currentTask, shield, sleep } from "../../src/index.js";
import { log } from "../harness.js";

export const meta = {
  title: "shield() when the inner task itself is cancelled",
  description: "If the shielded task is cancelled, the outer future is cancelled too: the awaiting caller gets CancelledError without being cancelled itself, so it can go on.",
};

function* inner() {
  yield* sleep(5);
}

function* caller(t: Task<void>) {
  try {
    yield* shield(t);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    log("caller sees CancelledError; cancelling", currentTask()!.cancelling());
  }
  yield* sleep(1);
  log("caller goes on");
  return "caller ok";
}

export function* main() {
  const t = createTask(inner(), { name: "inner" });
  const c = createTask(caller(t), { name: "caller" });
  yield* sleep(1);
  t.cancel();
  const r = yield* c;
  log("caller returned", r, "inner cancelled", t.cancelled());
  return r;
}
