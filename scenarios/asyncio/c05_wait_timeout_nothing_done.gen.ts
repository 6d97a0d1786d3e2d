import { CancelledError, type Future, type Task, createTask, sleep, wait } from "../../src/index.js";
import { log } from "../harness.js";

export const meta = {
  title: "wait() times out with nothing done",
  description: "wait(timeout=) returns (set(), all) when nothing finishes in time, without cancelling anything; ALL_COMPLETED keeps waiting past one completion until the timeout.",
};

function names(s: Set<Future<number>>) {
  return [...s].map((t) => (t as Task<number>).getName()).sort();
}

function* work(n: number) {
  try {
    yield* sleep(n);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    log("work", n, "cancelled");
    throw e;
  }
  return n;
}

export function* main() {
  const ts = [5, 4].map((n) => createTask(work(n), { name: `w${n}` }));
  let [done, pending] = yield* wait(ts, { timeout: 2 });
  log("done", done.size, "pending", names(pending));
  log("still running", ts.map((t) => t.done()), ts.map((t) => t.cancelled()));
  ts[0].cancel();
  [done, pending] = yield* wait(ts, { timeout: 1 });
  log("done", names(done), "pending", pending.size);
  log("w5 cancelled", ts[0].cancelled());
  return yield* ts[1];
}
