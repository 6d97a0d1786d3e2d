import { createTask, sleep, waitFor } from "../../src/index.js";
import { log } from "../harness.js";

export const meta = {
  title: "waitFor() gets its result in time",
  description: "wait_for() returns the result of a task or coroutine that finishes before the timeout (or with timeout None), and cancels its timer.",
};

async function work(n: number) {
  await sleep(n);
  log("work", n, "done");
  return n * 2;
}

export async function main() {
  const t = createTask(() => work(1), { name: "inner" });
  const r1 = await waitFor(t, 5);
  log("task result", r1, "t done", t.done());
  const r2 = await waitFor(() => work(2), 5);
  log("coroutine result", r2);
  const r3 = await waitFor(() => work(1), null);
  log("no timeout result", r3);
  await sleep(0);
  log("the 5s timers were cancelled");
  return [r1, r2, r3];
}
