import { Queue, ValueError } from "../../src/index.js";
import { log } from "../harness.js";

export const meta = {
  title: "task_done() called too many times",
  description: "task_done() with no unfinished items raises ValueError('task_done() called too many times'); join() returns at once when nothing is unfinished, and task_done() counts puts, not gets.",
};

export async function main() {
  const q = new Queue<string>();
  await q.join();
  log("join() on a fresh queue returns at once");
  try {
    q.taskDone();
  } catch (e) {
    if (!(e instanceof ValueError)) throw e;
    log("task_done() with nothing put:", e.name, e);
  }
  q.putNowait("a");
  const item = q.getNowait();
  q.taskDone();
  log("one put, one get, one task_done():", item);
  try {
    q.taskDone();
  } catch (e) {
    if (!(e instanceof ValueError)) throw e;
    log("once more:", e.name, e);
  }
  await q.join();
  log("join() still returns at once");
  q.putNowait("b");
  q.taskDone();
  log("task_done() before get() counts too; qsize =", q.qsize());
  await q.join();
  return q.getNowait();
}
