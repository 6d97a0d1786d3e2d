/**
 * Awaiting a generator-style awaitable from an async function's body:
 * `await sleep(1)`, `await lock.acquire()`, `await asyncWith(...)`. Like
 * `await coro` in Python, the awaitable runs inline for the awaiting task
 * (no new task, no extra iteration): its steps are driven here, and what it
 * yields suspends the task through Task._asyncPark.
 */
import { RuntimeError, UsageError } from "../errors.js";
import { InlinePromise } from "./inline.js";
import type { Task } from "./task.js";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Settle = ((v: any) => unknown) | null | undefined;
type CoroIterator = Iterator<unknown, unknown, unknown>;

/**
 * @internal Drives a generator-style awaitable (such as sleep()) for an async
 * body that awaited it: like `await coro` in Python, the awaitable runs inline
 * and what it yields suspends the task.
 */
export function driveInline(task: Task<unknown>, it: CoroIterator, ok: Settle, err: Settle, exc: unknown, value?: unknown): void {
  let r: IteratorResult<unknown, unknown>;
  try {
    if (exc === undefined) r = it.next(value);
    else if (typeof it.throw === "function") r = it.throw(exc);
    else throw exc;
  } catch (error) {
    if (err) err(error);
    return;
  }
  if (r.done) {
    if (ok) ok(r.value);
    return;
  }
  const yielded = r.value;
  if (yielded instanceof InlinePromise) {
    // An async function's body running inline for this task (asyncWith, waitFor):
    // its own awaits suspend the task; when it settles, carry on in the same step.
    const loop = task._loop;
    const resume = (failed: boolean, v: unknown): void => {
      if (loop._closed) return; // the run already ended (the watchdog named this body as stuck)
      if (loop._asyncWaiter !== task) {
        loop._fatal(new UsageError(`task ${task.getName()}: an inline async body settled outside the task's step (it awaited something vloop does not control)`));
        return;
      }
      if (failed) driveInline(task, it, ok, err, v === undefined ? new RuntimeError("async body threw undefined") : v);
      else driveInline(task, it, ok, err, undefined, v);
    };
    yielded.promise.then(
      (v) => resume(false, v),
      (e) => resume(true, e),
    );
    return;
  }
  task._asyncPark(yielded, ok, err, it, true);
}
