/**
 * ensureFuture(): asyncio.ensure_future. A future is returned as is; a
 * coroutine (generator object, zero-argument function, lazy awaitable such as
 * sleep()) is wrapped in a new task on the running loop.
 */
import { type Future, isFuture } from "../futures/future.js";
import { type CoroutineInput, quietRefused, startedPromiseError } from "../futures/task.js";
import type { EventLoop } from "../futures/eventLoop.js";
import { requireEventLoop } from "../loop/running.js";

/** What gather/shield/wait accept: a future, a task, or a coroutine. */
export type AwaitableInput<T> = Future<T> | CoroutineInput<T>;

/**
 * Returns `aw` if it is a future, else schedules it as a task.
 * Mirrors `asyncio.ensure_future`.
 * @throws TypeError for a started Promise (pass `() => f(x)` instead) or a non-awaitable.
 * @example const fut = ensureFuture(() => work());
 */
export function ensureFuture<T>(aw: AwaitableInput<T>, what = "ensureFuture"): Future<T> {
  if (isFuture(aw)) return aw as Future<T>;
  const isObject = aw !== null && typeof aw === "object";
  if (isObject && typeof (aw as { then?: unknown }).then === "function" && !(Symbol.iterator in (aw as object))) {
    const error = startedPromiseError(what);
    quietRefused(aw as PromiseLike<unknown>);
    requireEventLoop(what)._fatal(error); // its body already runs: stop the run with this message
    throw error;
  }
  if (typeof aw !== "function" && !(isObject && (Symbol.iterator in (aw as object) || "next" in (aw as object)))) {
    throw new TypeError(`${what}: a Future, a coroutine or an awaitable is required (got ${String(aw)})`);
  }
  const loop = requireEventLoop(what) as EventLoop;
  return loop.createTask(aw as CoroutineInput<T>);
}
