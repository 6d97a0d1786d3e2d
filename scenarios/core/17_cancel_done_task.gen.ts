import { createTask, sleep } from "../../src/index.js";
import { log, py, ValueError } from "../harness.js";

export const meta = {
  title: "cancel a done task",
  description: "cancel() on a task that already returned or raised returns False and changes nothing: not cancelled, cancelling() stays 0, result and exception intact.",
};

function* ok() {
  return "fine";
}

function* bad() {
  throw new ValueError("bad");
}

export function* main() {
  const t1 = createTask(ok());
  const t2 = createTask(bad());
  yield* sleep(0);
  log("done() ->", t1.done(), t2.done());
  log("cancel() ->", t1.cancel(), t2.cancel());
  log("cancelled() ->", t1.cancelled(), t2.cancelled());
  log("cancelling() ->", t1.cancelling(), t2.cancelling());
  log("t1.result() ->", t1.result());
  log("t2.exception() ->", (t2.exception() as Error).name, py(t2.exception()));
  return yield* t1;
}
