import { FIRST_EXCEPTION, type Future, type Task, createTask, sleep, wait } from "../../src/index.js";
import { log } from "../harness.js";

export const meta = {
  title: "wait(FIRST_EXCEPTION) when nothing fails",
  description: "When no future fails, wait(FIRST_EXCEPTION) behaves like ALL_COMPLETED: it returns only when every future is done.",
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
  const ts = [2, 1, 3].map((n) => createTask(() => work(n), { name: `w${n}` }));
  const [done, pending] = await wait(ts, { returnWhen: FIRST_EXCEPTION });
  log("done", names(done));
  log("pending", pending.size);
  return [...done].map((t) => t.result()).sort((x, y) => x - y);
}
