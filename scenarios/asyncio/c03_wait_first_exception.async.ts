import { FIRST_EXCEPTION, type Future, type Task, createTask, sleep, wait } from "../../src/index.js";
import { ValueError, log, py } from "../harness.js";

export const meta = {
  title: "wait() with FIRST_EXCEPTION",
  description: "wait(FIRST_EXCEPTION) returns when a future fails, with every future done by then in `done` and the rest still pending.",
};

function names(s: Set<Future<number>>) {
  return [...s].map((t) => (t as Task<number>).getName()).sort();
}

async function work(n: number, fail: boolean) {
  await sleep(n);
  if (fail) {
    log("work", n, "fails");
    throw new ValueError(`bad ${n}`);
  }
  log("work", n, "done");
  return n;
}

export async function main() {
  const ts = [
    createTask(() => work(1, false), { name: "ok1" }),
    createTask(() => work(2, true), { name: "bad2" }),
    createTask(() => work(3, false), { name: "ok3" }),
  ];
  const [done, pending] = await wait(ts, { returnWhen: FIRST_EXCEPTION });
  log("done", names(done));
  log("pending", names(pending));
  log("bad2 exception", (ts[1].exception() as Error).name, py(ts[1].exception()));
  log("ok3 done?", ts[2].done());
  return await ts[2];
}
