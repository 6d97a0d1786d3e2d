import { FIRST_COMPLETED, type Future, type Task, createTask, sleep, wait } from "../../src/index.js";
import { log } from "../harness.js";

export const meta = {
  title: "wait() with FIRST_COMPLETED",
  description: "wait(FIRST_COMPLETED) returns as soon as one future is done, leaving the others pending and running; its unused timeout timer is cancelled.",
};

function names(s: Set<Future<number>>) {
  return [...s].map((t) => (t as Task<number>).getName()).sort();
}

async function work(n: number) {
  await sleep(n);
  log("work", n, "done");
  return n;
}

export async function main() {
  const ts = [3, 1, 2].map((n) => createTask(() => work(n), { name: `w${n}` }));
  let [done, pending] = await wait(
    ts, { timeout: 10, returnWhen: FIRST_COMPLETED },
  );
  log("done", names(done));
  log("pending", names(pending));
  [done, pending] = await wait(pending, { returnWhen: FIRST_COMPLETED });
  log("then done", names(done));
  log("then pending", names(pending));
  return ts.map((t) => t.done());
}
