import { asCompleted, createTask, sleep } from "../../src/index.js";
import { ValueError, log, py } from "../harness.js";

export const meta = {
  title: "asCompleted() with duplicates",
  description: "as_completed() makes a set of its inputs, so a future listed several times yields one awaitable; a failed future's awaitable raises its exception.",
};

function* work(n: number) {
  yield* sleep(n);
  if (n === 2) {
    throw new ValueError("two");
  }
  return n;
}

export function* main() {
  const a = createTask(work(1), { name: "a" });
  const b = createTask(work(2), { name: "b" });
  const results: (number | string)[] = [];
  let count = 0;
  for (const nextDone of asCompleted([a, b, a, a, b])) {
    count += 1;
    try {
      results.push(yield* nextDone);
    } catch (e) {
      if (!(e instanceof ValueError)) throw e;
      results.push(py(e));
    }
  }
  log("awaitables yielded", count);
  return results;
}
