import { asCompleted, createTask, eagerTaskFactory, ensureFuture, getRunningLoop, shield, sleep, type Task, waitFor } from "../../src/index.js";
import { log } from "../harness.js";
import { now, leaf, outer, waitsOn, fromCallback } from "./57_eager_nested_and_callbacks.gen.js";

export const meta = {
  title: "eager tasks: nesting, callbacks, cancellation, and the functions that make tasks",
  description:
    "An eager step runs inside its creator's step (or callback) with the new task current and the creator current again after; all_tasks sees it; a done future is awaited without suspending; cancel right after an eager suspension cancels the awaited future; ensure_future, shield and as_completed start coroutines eagerly; shutdown cancels a nested pair inner first.",
};

// Eager tasks take generator coroutines in both styles (an async function's
// first step would end in microtasks, after createTask returns): main is an
// async function, and the tasks it creates eagerly run the generator twin's
// coroutines.
export async function main() {
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
  await sleep(0);
  log("after sleep(0): w cancelled", w.cancelled());
  // ensure_future, shield and wait_for of coroutines make eager tasks
  const e = ensureFuture(leaf(8, 0)) as Task<number>;
  log("ensure_future made", e.getName(), "done", e.done());
  const r = await shield(leaf(9, 0.5));
  log("shield ->", r);
  log("wait_for ->", await waitFor(leaf(11, 0), 1));
  for (const f of asCompleted([leaf(12, 0.5)])) {
    log("as_completed ->", await f);
  }
  // leftovers: one nested pair is still pending at the end (shutdown cancels them)
  createTask(outer(100));
  log("end at", now());
}
