import { Lock, Queue, TimeoutError, asyncWith, createTask, eagerTaskFactory, gather, getRunningLoop, sleep, timeout, waitFor } from "../../src/index.js";
import { ValueError, log, py } from "../harness.js";
import { now, value, boom, locker, getter } from "./58_eager_awaitables.gen.js";

export const meta = {
  title: "eager tasks and what they await",
  description:
    "Eager tasks with wait_for(coro, 0) (done eagerly: its result, not a timeout), gather of children that return or raise in their eager step (the outer future is done before it is awaited), a lock taken in an eager step, a queue getter woken by put_nowait, and a task created inside a timeout block.",
};

// the coroutines are the generator twin's
// Eager tasks take generator coroutines in both styles (an async function's
// first step would end in microtasks, after createTask returns): main is an
// async function, the tasks it starts eagerly are generators.
export async function main() {
  getRunningLoop().setTaskFactory(eagerTaskFactory);
  log("wait_for(coro, 0) ->", await waitFor(value(1), 0));
  try {
    await waitFor(sleep(1), 0);
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    log("wait_for(sleep, 0) timed out at", now());
  }
  log("gather(return_exceptions) ->", py(await gather(value(2), boom(3), { returnExceptions: true })));
  try {
    await gather(value(4), boom(5));
  } catch (e) {
    if (!(e instanceof ValueError)) throw e;
    log("gather raised", e.message, "at", now());
  }
  const lock = new Lock();
  const t1 = createTask(locker(lock, 1));
  const t2 = createTask(locker(lock, 2));
  log("lock locked:", lock.locked());
  const q = new Queue<string>();
  const g = createTask(getter(q, 1));
  q.putNowait("x");
  log("put x; getter done", g.done());
  await gather(t1, t2, g);
  await asyncWith(timeout(1), async () => {
    const t = createTask(value(6));
    log("in timeout, t done", t.done());
  });
  log("end at", now());
}
