import { type Awaitable, createTask, currentTask, gather, sleep } from "../../src/index.js";
import { ValueError, log } from "../harness.js";

export const meta = {
  title: "repr of a Task",
  description: "A task prints its state (cancelling while a cancel is pending), its name, what it waits on (wait_for=), then its result or exception.",
};

async function work<T>(x: T) {
  await sleep(1);
  return x;
}

async function boom(): Promise<never> {
  throw new ValueError("boom");
}

async function waiter<T>(aw: Awaitable<T>) {
  return await aw;
}

export async function main() {
  log("main", String(currentTask()));
  const t = createTask(() => work(1));
  log("new", String(t));
  await sleep(0);
  log("sleeping", String(t));
  t.cancel();
  t.cancel();
  log("cancelling", String(t), t.cancelling());
  await sleep(0);
  log("cancelled", String(t));
  const worker = createTask(() => work("x"), { name: "worker" });
  const w = createTask(() => waiter(worker));
  const both = gather(() => work(2), () => work(3)); // gathered here, as Python's argument is
  const g = createTask(() => waiter(both));
  await sleep(0);
  log("on a task", String(w));
  log("on a gather", String(g));
  await w;
  log("finished", String(worker));
  const b = createTask(() => boom());
  await sleep(0);
  log("failed", String(b));
  b.exception();
  const n = createTask(() => work(4));
  n.cancel();
  log("cancelled before its first step", String(n));
  await sleep(0);
  log("cancelled", String(n));
}
