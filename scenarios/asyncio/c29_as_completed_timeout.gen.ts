import { CancelledError, TimeoutError, asCompleted, createTask, sleep } from "../../src/index.js";
import { log } from "../harness.js";

export const meta = {
  title: "asCompleted() with a timeout",
  description: "After as_completed()'s timeout every remaining awaitable raises TimeoutError at once, and the unfinished futures are left running, not cancelled.",
};

function* work(n: number) {
  try {
    yield* sleep(n);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    log("work", n, "cancelled at shutdown");
    throw e;
  }
  return n;
}

export function* main() {
  const ts = [5, 1, 3].map((n) => createTask(work(n), { name: `w${n}` }));
  const got: (number | string)[] = [];
  for (const nextDone of asCompleted(ts, { timeout: 2 })) {
    try {
      const r = yield* nextDone;
      log("got", r);
      got.push(r);
    } catch (e) {
      if (!(e instanceof TimeoutError)) throw e;
      log("TimeoutError");
      got.push("timeout");
    }
  }
  log("pending tasks not cancelled:", ts.map((t) => t.cancelled()));
  return got;
}
