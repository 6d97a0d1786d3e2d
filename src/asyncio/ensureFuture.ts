/**
 * ensureFuture(): asyncio.ensure_future. A future is returned as is; a
 * coroutine (generator object, zero-argument function, lazy awaitable such as
 * sleep()) is wrapped in a new task on the running loop.
 */
import { awaitableRequired, isAsyncGeneratorFunction, isCoroutineObject, isStartedPromise, quietRefused, startedPromiseError } from "../futures/coroutineInput.js";
import { type Future, isFuture } from "../futures/future.js";
import type { CoroutineInput } from "../futures/task.js";
import type { EventLoop } from "../futures/eventLoop.js";
import { requireEventLoop } from "../loop/running.js";

/** What gather/shield/wait accept: a future, a task, or a coroutine. */
export type AwaitableInput<T> = Future<T> | CoroutineInput<T>;

/**
 * @internal Throws asyncio's TypeError if `aw` is neither a future nor a
 * coroutine (`collectionHint` replaces the message's hint for an array). A
 * started Promise stops the run with its own message.
 */
export function checkAwaitable(aw: unknown, what: string, collectionHint?: string): void {
  if (typeof aw === "function") {
    if (isAsyncGeneratorFunction(aw)) throw awaitableRequired(what, aw);
    return;
  }
  if (isFuture(aw)) return;
  if (isStartedPromise(aw)) {
    const error = startedPromiseError(what);
    quietRefused(aw);
    requireEventLoop(what)._fatal(error); // its body already runs: stop the run with this message
    throw error;
  }
  if (!isCoroutineObject(aw)) throw awaitableRequired(what, aw, collectionHint);
}

/**
 * @internal ensureFuture for gather, shield, asCompleted, waitFor: `what`
 * names the function in messages, `collectionHint` says what to write
 * instead of an array.
 */
export function futureFor<T>(aw: AwaitableInput<T>, what: string, collectionHint?: string): Future<T> {
  if (isFuture(aw)) return aw as Future<T>;
  checkAwaitable(aw, what, collectionHint);
  const loop = requireEventLoop(what) as EventLoop;
  return loop.createTask(aw as CoroutineInput<T>);
}

/**
 * Returns `aw` if it is a future, else schedules it as a task.
 * Mirrors `asyncio.ensure_future`.
 * @throws TypeError for a started Promise (pass `() => f(x)` instead), an
 *   async generator, an array or another non-awaitable; RuntimeError outside a run.
 * @example const fut = ensureFuture(() => work());
 */
export function ensureFuture<T>(aw: AwaitableInput<T>): Future<T> {
  return futureFor(aw, "ensureFuture");
}
