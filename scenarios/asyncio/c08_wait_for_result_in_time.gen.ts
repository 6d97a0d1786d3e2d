import { createTask, sleep, waitFor } from "../../src/index.js";
import { log } from "../harness.js";

export const meta = {
  title: "waitFor() gets its result in time",
  description: "wait_for() returns the result of a task or coroutine that finishes before the timeout (or with timeout None), and cancels its timer.",
};

function* work(n: number) {
  yield* sleep(n);
  log("work", n, "done");
  return n * 2;
}

export function* main() {
  const t = createTask(work(1), { name: "inner" });
  const r1 = yield* waitFor(t, 5);
  log("task result", r1, "t done", t.done());
  const r2 = yield* waitFor(work(2), 5);
  log("coroutine result", r2);
  const r3 = yield* waitFor(work(1), null);
  log("no timeout result", r3);
  yield* sleep(0);
  log("the 5s timers were cancelled");
  return [r1, r2, r3];
}
