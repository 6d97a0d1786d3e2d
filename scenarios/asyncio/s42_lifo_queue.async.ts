import { LifoQueue, createTask } from "../../src/index.js";
import { log } from "../harness.js";

export const meta = {
  title: "LifoQueue order",
  description: "LifoQueue.get() returns the most recently put item first; a put() blocked on the full queue goes in once a get() frees a slot.",
};

async function consumer(q: LifoQueue<string>) {
  const got: string[] = [];
  for (let k = 0; k < 4; k++) {
    got.push(await q.get());
    log("got", got.at(-1));
  }
  return got;
}

export async function main() {
  const q = new LifoQueue<string>(3);
  for (const x of ["a", "b", "c"]) {
    q.putNowait(x);
  }
  log("full =", q.full());
  const c = createTask(() => consumer(q), { name: "consumer" });
  await q.put("d");
  log("put d done; qsize =", q.qsize());
  return await c;
}
