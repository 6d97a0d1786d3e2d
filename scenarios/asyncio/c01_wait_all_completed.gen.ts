import { type Future, type Task, createTask, sleep, wait } from "../../src/index.js";
import { log } from "../harness.js";

export const meta = {
  title: "wait() with ALL_COMPLETED",
  description: "wait() with the default ALL_COMPLETED returns once every future is done: all of them in `done`, none in `pending`.",
};

function names(s: Set<Future<number>>) {
  return [...s].map((t) => (t as Task<number>).getName()).sort();
}

function* work(n: number) {
  yield* sleep(n);
  log("work", n, "done");
  return n * 10;
}

export function* main() {
  const ts = [3, 1, 2].map((n) => createTask(work(n), { name: `w${n}` }));
  const [done, pending] = yield* wait(ts);
  log("done", names(done));
  log("pending", pending.size);
  return ts.map((t) => t.result());
}
