/**
 * Every error class vloop throws. Each sets `name` to its class name, so
 * `error.name` reads like the Python exception's `type(e).__name__`.
 *
 * `CancelledError` deliberately extends `Error` directly and *not*
 * `VloopError` (as asyncio.CancelledError derives from BaseException): a broad
 * `catch (e) { if (e instanceof VloopError) ... }` must never swallow a
 * cancellation.
 */

/** Base class of vloop's errors other than CancelledError. */
export class VloopError extends Error {
  constructor(message?: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** asyncio.CancelledError: thrown into a coroutine whose task is cancelled. */
export class CancelledError extends Error {
  constructor(message?: string) {
    super(message);
    this.name = "CancelledError";
  }
}

/** asyncio.TimeoutError (the built-in TimeoutError since Python 3.11). */
export class TimeoutError extends VloopError {}

/** asyncio.InvalidStateError: a future operation not allowed in its state. */
export class InvalidStateError extends VloopError {}

/** Python's RuntimeError, as asyncio raises it (await on itself, no running loop...). */
export class RuntimeError extends VloopError {}

/** asyncio.QueueEmpty */
export class QueueEmpty extends VloopError {}

/** asyncio.QueueFull */
export class QueueFull extends VloopError {}

/**
 * Thrown by run()/runSync() when every task waits and no timer is pending
 * (CPython would block forever in `select()`); the message names each
 * unfinished task and what it waits on, and the wait-for cycles (see
 * loop/deadlockReport.ts).
 */
export class DeadlockError extends VloopError {}

/** Thrown by run()/runSync() when a run exceeds its step budget (a livelock). */
export class StepBudgetExceeded extends VloopError {}

/**
 * A misuse that vloop cannot turn into a well-defined schedule (an async
 * coroutine under runSync, a foreign promise awaited by a task): it stops the
 * run instead of being reported to the loop's exception handler.
 */
export class UsageError extends VloopError {}

/** runSync met an async-function task (a UsageError that tools can tell apart). */
export class AsyncInRunSync extends UsageError {}

/** Python's ValueError, as asyncio raises it (over-released BoundedSemaphore, taskDone too often...). */
export class ValueError extends VloopError {}

/** asyncio.BrokenBarrierError: a Barrier was reset or aborted while a task waited on it. */
export class BrokenBarrierError extends VloopError {}

/**
 * Python's ExceptionGroup, as a TaskGroup raises it: `exceptions` holds the
 * children's errors in the order they happened, the body's error last.
 * The message reads like Python's: "unhandled errors in a TaskGroup (2 sub-exceptions)".
 */
export class ExceptionGroup extends VloopError {
  readonly exceptions: readonly unknown[];
  constructor(message: string, exceptions: readonly unknown[]) {
    const n = exceptions.length;
    super(`${message} (${n} sub-exception${n === 1 ? "" : "s"})`);
    this.exceptions = exceptions;
  }
}
