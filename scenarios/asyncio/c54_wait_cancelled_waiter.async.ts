import { CancelledError, type Task, createTask, gather, sleep, wait } from "../../src/index.js";
import { log } from "../harness.js";

export const meta = {
  title: "wait() cancelled while waiting",
  description: "Cancelling a task blocked in wait() raises CancelledError in it but leaves the awaited futures running, unlike wait_for().",
};

async function work(n: number) {
  await sleep(n);
  log("work", n, "done");
  return n;
}

async function waiter(ts: Task<number>[]) {
  try {
    await wait(ts, { timeout: 10 });
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    log("waiter cancelled");
    throw e;
  }
}

export async function main() {
  const ts = [2, 3].map((n) => createTask(() => work(n), { name: `w${n}` }));
  const w = createTask(() => waiter(ts), { name: "waiter" });
  await sleep(1);
  w.cancel();
  await sleep(0);
  log("waiter cancelled", w.cancelled(), "tasks untouched", ts.map((t) => t.cancelled()));
  const results = await gather(...ts);
  log("results", results);
  return results;
}
