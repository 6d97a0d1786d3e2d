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

/**
 * @internal Makes an error the loop raises itself (a cancellation, a reset the
 * simulated kernel reports) without capturing a JavaScript stack. Its frames
 * would be the loop's own (a handle running a callback, a task's step), never
 * the program's, and capturing them cost more than the rest of a short run:
 * measured, half of an explored run that cancels one pending task at its end
 * (16.7 us a run before, see bench/explore.ts), and the captured frames keep
 * the run's objects alive into the next garbage collections. `error.stack`
 * is then the first line alone ("CancelledError: ...").
 */
export function withoutStack<E>(make: () => E): E {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return make();
  } finally {
    Error.stackTraceLimit = limit;
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

/** asyncio.QueueShutDown (Python 3.13): a put on a queue shut down, or a get on one shut down and empty. */
export class QueueShutDown extends VloopError {}

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

/**
 * Python's OSError, as the network raises it: `new OSError(111, "Connect call
 * failed ('127.0.0.1', 9)")` has `errno` 111 and reads "[Errno 111] Connect
 * call failed ...", as Python's str() of a two-argument OSError does; a
 * one-argument one reads as its message, with `errno` null.
 */
export class OSError extends VloopError {
  /** The error number (ECONNREFUSED is 111 on Linux), or null. */
  readonly errno: number | null;
  /** The error's words without the number, or null. */
  readonly strerror: string | null;
  constructor(errnoOrMessage?: number | string, strerror?: string) {
    const two = typeof errnoOrMessage === "number" && strerror !== undefined;
    super(two ? `[Errno ${errnoOrMessage}] ${strerror}` : errnoOrMessage === undefined ? "" : String(errnoOrMessage));
    this.errno = two ? (errnoOrMessage as number) : null;
    this.strerror = two ? (strerror as string) : null;
  }
}

/** Python's ConnectionError: the base of the connection errors below. */
export class ConnectionError extends OSError {}

/** Python's ConnectionRefusedError (ECONNREFUSED, 111): nothing listens at the address. */
export class ConnectionRefusedError extends ConnectionError {}

/** Python's ConnectionResetError (ECONNRESET, 104): the peer reset the connection. */
export class ConnectionResetError extends ConnectionError {}

/** Python's BrokenPipeError (EPIPE, 32): writing after this side shut its sending half. */
export class BrokenPipeError extends ConnectionError {}

/**
 * Python's FileNotFoundError (ENOENT, 2): starting a program that does not
 * exist. `filename` is the program; the message reads as CPython's:
 * "[Errno 2] No such file or directory: 'prog'".
 */
export class FileNotFoundError extends OSError {
  /** The file that was not found (the program's name), or null. */
  readonly filename: string | null;
  constructor(errno?: number, strerror?: string, filename?: string) {
    super(errno, strerror);
    this.filename = filename ?? null;
    if (filename !== undefined) this.message = `${this.message}: ${pyStr(filename)}`;
  }
}

/**
 * Python's ProcessLookupError (ESRCH): signalling a process that is gone.
 * asyncio raises it bare (`ProcessLookupError()`, an empty message) once the
 * child has exited and been waited for.
 */
export class ProcessLookupError extends OSError {}

/** Python's repr() of a str, for messages: 'text' (double quotes when the text holds a single one). */
function pyStr(text: string): string {
  const escaped = text.replace(/\\/g, "\\\\");
  if (text.includes("'") && !text.includes('"')) return `"${escaped}"`;
  return `'${escaped.replace(/'/g, "\\'")}'`;
}

/** socket.gaierror: the host name is not one the simulated network knows ("[Errno -2] Name or service not known"). */
export class GaiError extends OSError {
  override name = "gaierror";
}

/**
 * asyncio.IncompleteReadError: the stream ended before the read was
 * satisfied. `partial` holds the bytes read, `expected` how many were
 * wanted (null for readuntil). Its message reads as asyncio's:
 * "5 bytes read on a total of 10 expected bytes".
 */
export class IncompleteReadError extends VloopError {
  readonly partial: Uint8Array;
  readonly expected: number | null;
  constructor(partial: Uint8Array, expected: number | null) {
    super(`${partial.length} bytes read on a total of ${expected === null ? "undefined" : expected} expected bytes`);
    this.partial = partial;
    this.expected = expected;
  }
}

/**
 * asyncio.LimitOverrunError: the stream's buffer reached its limit while
 * looking for a separator. `consumed` is how many bytes are to be consumed
 * (the separator's offset when it was found past the limit).
 */
export class LimitOverrunError extends VloopError {
  readonly consumed: number;
  constructor(message: string, consumed: number) {
    super(message);
    this.consumed = consumed;
  }
}
