import { CancelledError, type Task, createTask, gather, sleep, wait } from "../../src/index.js";
import { log } from "../harness.js";

export const meta = {
  title: "wait() cancelled while waiting",
  description: "Cancelling a task blocked in wait() raises CancelledError in it but leaves the awaited futures running, unlike wait_for().",
};

function* work(n: number) {
  yield* sleep(n);
  log("work", n, "done");
  return n;
}

function* waiter(ts: Task<number>[]) {
  try {
    yield* wait(ts, { timeout: 10 });
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    log("waiter cancelled");
    throw e;
  }
}

export function* main() {
  const ts = [2, 3].map((n) => createTask(work(n), { name: `w${n}` }));
  const w = createTask(waiter(ts), { name: "waiter" });
  yield* sleep(1);
  w.cancel();
  yield* sleep(0);
  log("waiter cancelled", w.cancelled(), "tasks untouched", ts.map((t) => t.cancelled()));
  const results = yield* gather(...ts);
  log("results", results);
  return results;
}
