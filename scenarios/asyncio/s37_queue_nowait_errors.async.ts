import { Queue, QueueEmpty, QueueFull } from "../../src/index.js";
import { log } from "../harness.js";

export const meta = {
  title: "get_nowait() on empty, put_nowait() on full",
  description: "get_nowait() on an empty Queue raises QueueEmpty, put_nowait() on a full one raises QueueFull; maxsize 0 or negative means unbounded.",
};

export async function main() {
  const q = new Queue<number>(1);
  try {
    q.getNowait();
  } catch (e) {
    if (!(e instanceof QueueEmpty)) throw e;
    log("get_nowait() on empty:", e.name);
  }
  q.putNowait(1);
  log("full =", q.full());
  try {
    q.putNowait(2);
  } catch (e) {
    if (!(e instanceof QueueFull)) throw e;
    log("put_nowait() on full:", e.name);
  }
  log("qsize =", q.qsize(), "item:", q.getNowait());
  const u = new Queue<number>();
  for (let i = 0; i < 100; i++) {
    u.putNowait(i);
  }
  log("maxsize 0 is unbounded: maxsize =", u.maxsize, "qsize =", u.qsize(), "full =", u.full());
  const n = new Queue<string>(-1);
  n.putNowait("x");
  log("negative maxsize is unbounded too: full =", n.full());
  q.getNowait();
}
