import { CancelledError, type Task, createTask, shield, sleep } from "../../src/index.js";
import { log } from "../harness.js";

export const meta = {
  title: "shield(): the caller is cancelled, the inner task goes on",
  description: "Cancelling a task that awaits shield(inner) cancels only the outer future: the caller gets CancelledError while the inner task runs on to its result.",
};

function* precious() {
  log("precious starts");
  yield* sleep(3);
  log("precious finishes");
  return "saved";
}

function* caller(inner: Task<string>) {
  try {
    return yield* shield(inner);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    log("caller cancelled; inner done?", inner.done());
    throw e;
  }
}

export function* main() {
  const inner = createTask(precious(), { name: "precious" });
  const c = createTask(caller(inner), { name: "caller" });
  yield* sleep(1);
  log("cancel caller ->", c.cancel());
  yield* sleep(0);
  log("caller cancelled", c.cancelled(), "inner cancelled", inner.cancelled());
  const r = yield* inner;
  log("inner result", r);
  return r;
}
