import { CancelledError, Queue, createTask, gather, sleep } from "../../src/index.js";
import { log } from "../harness.js";

export const meta = {
  title: "blocked putters resume FIFO, cancelled ones are skipped",
  description: "On a full Queue, putters blocked in put() get a free slot one at a time in the order they blocked; a cancelled putter never puts its item.",
};

async function putter(q: Queue<string>, item: string) {
  try {
    await q.put(item);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    log("putter of", item, "cancelled");
    throw e;
  }
  log("put", item, "done");
}

export async function main() {
  const q = new Queue<string>(1);
  q.putNowait("first");
  const ps = ["a", "b", "c", "d"].map((n) => createTask(() => putter(q, n), { name: "P-" + n }));
  await sleep(0);
  ps[1].cancel();
  await sleep(0);
  const got: string[] = [];
  for (let k = 0; k < 4; k++) {
    got.push(await q.get());
    log("got", got.at(-1), "full =", q.full());
    await sleep(0);
  }
  await gather(...ps, { returnExceptions: true });
  return got;
}
