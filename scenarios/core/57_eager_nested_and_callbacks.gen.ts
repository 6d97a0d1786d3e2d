import { CancelledError, allTasks, asCompleted, createTask, currentTask, eagerTaskFactory, ensureFuture, type EventLoop, type Future, getRunningLoop, shield, sleep, type Task, waitFor } from "../../src/index.js";
import { log, pyFloat } from "../harness.js";

export const meta = {
  title: "eager tasks: nesting, callbacks, cancellation, and the functions that make tasks",
  description:
    "An eager step runs inside its creator's step (or callback) with the new task current and the creator current again after; all_tasks sees it; a done future is awaited without suspending; cancel right after an eager suspension cancels the awaited future; ensure_future, shield and as_completed start coroutines eagerly; shutdown cancels a nested pair inner first.",
};

export function now() {
  return pyFloat(getRunningLoop().time());
}

export function names(tasks: Iterable<{ getName(): string }>) {
  return [...tasks].map((t) => t.getName()).sort();
}

export function* leaf(n: number, d: number) {
  log("leaf", n, "in", currentTask()!.getName(), "tasks", names(allTasks()));
  try {
    yield* sleep(d);
  } catch (e) {
    if (e instanceof CancelledError) log("leaf", n, "cancelled at", now());
    throw e;
  }
  log("leaf", n, "done at", now());
  return n;
}

export function* outer(n: number) {
  log("outer", n, "creates a leaf");
  const t = createTask(leaf(n * 10, n));
  log("outer", n, "back in", currentTask()!.getName());
  try {
    return yield* t;
  } catch (e) {
    if (e instanceof CancelledError) log("outer", n, "cancelled at", now());
    throw e;
  }
}

export function* waitsOn(fut: Future<string>, label: string) {
  log(label, "awaits");
  let v: string;
  try {
    v = yield* fut;
  } catch (e) {
    if (e instanceof CancelledError) log(label, "cancelled at", now());
    throw e;
  }
  log(label, "got", v);
  return v;
}

export function fromCallback(_loop: EventLoop) {
  log("callback creates a task; current is", currentTask() ?? null);
  const t = createTask(leaf(7, 0.25));
  log("callback back; current is", currentTask() ?? null, "t done", t.done());
}

export function* main() {
  const loop = getRunningLoop();
  loop.setTaskFactory(eagerTaskFactory);
  // nested eager starts: each step runs inside its creator's, and swaps back
  const o = createTask(outer(1));
  log("main back, o done", o.done());
  // a done future is awaited without suspending
  const done = loop.createFuture<string>();
  done.setResult("ready");
  const d = createTask(waitsOn(done, "done-waiter"));
  log("d done", d.done(), d.result());
  // cancel a task right after its eager step suspended: the future it waits on is cancelled
  const fut = loop.createFuture<string>();
  const w = createTask(waitsOn(fut, "waiter"));
  log("cancel w:", w.cancel(), "fut cancelled", fut.cancelled());
  // a task from a plain callback starts eagerly too, with no task current before it
  loop.callSoon(fromCallback, loop);
  yield* sleep(0);
  log("after sleep(0): w cancelled", w.cancelled());
  // ensure_future, shield and wait_for of coroutines make eager tasks
  const e = ensureFuture(leaf(8, 0)) as Task<number>;
  log("ensure_future made", e.getName(), "done", e.done());
  const r = yield* shield(leaf(9, 0.5));
  log("shield ->", r);
  log("wait_for ->", yield* waitFor(leaf(11, 0), 1));
  for (const f of asCompleted([leaf(12, 0.5)])) {
    log("as_completed ->", yield* f);
  }
  // leftovers: one nested pair is still pending at the end (shutdown cancels them)
  createTask(outer(100));
  log("end at", now());
}
