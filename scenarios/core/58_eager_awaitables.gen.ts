import { Lock, Queue, TimeoutError, asyncWith, createTask, eagerTaskFactory, gather, getRunningLoop, sleep, timeout, waitFor } from "../../src/index.js";
import { ValueError, log, py, pyFloat } from "../harness.js";

export const meta = {
  title: "eager tasks and what they await",
  description:
    "Eager tasks with wait_for(coro, 0) (done eagerly: its result, not a timeout), gather of children that return or raise in their eager step (the outer future is done before it is awaited), a lock taken in an eager step, a queue getter woken by put_nowait, and a task created inside a timeout block.",
};

export function now() {
  return pyFloat(getRunningLoop().time());
}

export function* value(n: number) {
  log("value", n);
  return n;
}

export function* boom(n: number): Generator<unknown, never, unknown> {
  log("boom", n);
  throw new ValueError(`boom ${n}`);
}

export function* locker(lock: Lock, n: number) {
  log("locker", n, "acquires");
  yield* asyncWith(lock, function* () {
    log("locker", n, "holds");
    yield* sleep(0.5);
  });
  log("locker", n, "released at", now());
}

export function* getter(q: Queue<string>, n: number) {
  log("getter", n, "waits");
  const v = yield* q.get();
  log("getter", n, "got", v, "at", now());
}

export function* main() {
  getRunningLoop().setTaskFactory(eagerTaskFactory);
  log("wait_for(coro, 0) ->", yield* waitFor(value(1), 0));
  try {
    yield* waitFor(sleep(1), 0);
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    log("wait_for(sleep, 0) timed out at", now());
  }
  log("gather(return_exceptions) ->", py(yield* gather(value(2), boom(3), { returnExceptions: true })));
  try {
    yield* gather(value(4), boom(5));
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
  yield* gather(t1, t2, g);
  yield* asyncWith(timeout(1), function* () {
    const t = createTask(value(6));
    log("in timeout, t done", t.done());
  });
  log("end at", now());
}
