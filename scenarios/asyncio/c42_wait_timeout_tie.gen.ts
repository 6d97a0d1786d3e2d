import { createTask, sleep, wait } from "../../src/index.js";
import { log } from "../harness.js";

export const meta = {
  title: "wait(): a future finishing at the timeout's tick",
  description: "When a future's completion and wait()'s timeout fall on the same tick, the result depends on heap order: a done callback that runs first puts the future in `done`, a timeout that fires first leaves it pending.",
};

function* work(tag: string) {
  yield* sleep(1);
  log(tag, "done");
}

export function* main() {
  const t = createTask(work("early"), { name: "early" });
  yield* sleep(0);
  let [done, pending] = yield* wait([t], { timeout: 1 });
  log("early: done", done.size, "pending", pending.size);
  const u = createTask(work("late"), { name: "late" });
  [done, pending] = yield* wait([u], { timeout: 1 });
  log("late: done", done.size, "pending", pending.size);
  yield* sleep(0);
  log("late done now", u.done());
  return "ok";
}
