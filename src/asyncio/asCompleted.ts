/**
 * asCompleted(): asyncio.as_completed (3.12). A lazy iterator: the first
 * next() wraps the inputs into futures (coroutines become tasks, in the
 * order given; CPython's order is a set's) and yields one awaitable per
 * input; each awaitable returns (or throws) the result of the next future to
 * finish, or throws TimeoutError once the timeout has passed.
 */
import { TimeoutError, ValueError } from "../errors.js";
import { type CoroutineObject, GenCoroutine } from "../futures/coroutine.js";
import { Future } from "../futures/future.js";
import type { TimerHandle } from "../loop/handle.js";
import { requireEventLoop } from "../loop/running.js";
import { Queue } from "../sync/queue.js";
import { awaitingMany } from "../futures/waitInfo.js";
import { type AwaitableInput, futureFor } from "./ensureFuture.js";
import { showTyped, showValue } from "../util/showValue.js";
import { checkOptionNames, extraArgument } from "../util/args.js";

/**
 * Yields awaitables that return results in completion order.
 * Mirrors `asyncio.as_completed(aws, timeout=None)`.
 * @throws (when iterated, as CPython's generator does) TypeError for a non-iterable, bad options or a bad timeout;
 *   ValueError for a future of another loop; TimeoutError from an awaitable once the timeout passed.
 *   At the call, as Python binds a call's arguments: TypeError for an option other than timeout, or a third argument.
 * @example
 * for (const next of asCompleted([t1, t2])) { const r = yield* next; }
 * for (const next of asCompleted([t1, t2], { timeout: 5 })) { const r = await next; }
 */
export function asCompleted<T>(aws: Iterable<AwaitableInput<T>>, options?: { timeout?: number | null }): Generator<CoroutineObject<T>, void, unknown>;
export function asCompleted<T>(
  aws: Iterable<AwaitableInput<T>>,
  options: { timeout?: number | null } = {},
  extra?: unknown,
): Generator<CoroutineObject<T>, void, unknown> {
  if (extra !== undefined) throw extraArgument("asCompleted()", "two arguments, the awaitables and the options", extra);
  if (options !== null && typeof options === "object") checkOptionNames("asCompleted", options, ["timeout"]);
  return asCompletedGen(aws, options);
}

function* asCompletedGen<T>(
  aws: Iterable<AwaitableInput<T>>,
  options: { timeout?: number | null },
): Generator<CoroutineObject<T>, void, unknown> {
  if (aws instanceof Future || aws === null || typeof aws !== "object" || !(Symbol.iterator in aws)) {
    throw new TypeError(`asCompleted: expect an iterable of futures, not ${showValue(aws)}`);
  }
  if (options === null || typeof options !== "object") {
    throw new TypeError(`asCompleted: options must be an object like { timeout: 5 } (got ${showValue(options)})`);
  }
  const timeout = options.timeout ?? null;
  if (timeout !== null && (typeof timeout !== "number" || Number.isNaN(timeout))) {
    throw new TypeError(`asCompleted: timeout must be a number other than NaN, or null (got ${showTyped(timeout)})`);
  }
  const done = new Queue<Future<T> | null>();
  const loop = requireEventLoop("asCompleted()");
  const todo = new Set<Future<T>>();
  // CPython takes set(fs): the same future or coroutine object given twice is
  // one input. A function is a call still to be made: each one is its own task.
  const seen = new Set<unknown>();
  for (const aw of aws) {
    if (typeof aw !== "function") {
      if (seen.has(aw)) continue;
      seen.add(aw);
    }
    const f = futureFor(aw, "asCompleted");
    // CPython's ensure_future(f, loop=loop): a future of another loop would never be seen done here
    if (f._loop !== loop) throw new ValueError("The future belongs to a different loop than the one specified as the loop argument");
    todo.add(f);
  }
  let timeoutHandle: TimerHandle | null = null;

  const onTimeout = (): void => {
    for (const f of todo) {
      f.removeDoneCallback(onCompletion);
      done.putNowait(null); // a dummy value for waitForOne()
    }
    todo.clear();
  };
  // Ordering: results come in the order the futures' done callbacks run,
  // through a Queue, so each awaitable returns one iteration after its future.
  const onCompletion = (f: Future<T>): void => {
    if (todo.size === 0) return; // onTimeout was here first
    todo.delete(f);
    done.putNowait(f);
    if (todo.size === 0 && timeoutHandle !== null) timeoutHandle.cancel();
  };

  // a wait for the next result is a get() from `done`: traces and reports say asCompleted (of the futures left)
  done._reportAs = { _waitLabel: "asCompleted()", _waitInfo: () => awaitingMany("asCompleted", todo) };
  for (const f of todo) f.addDoneCallback(onCompletion);
  if (todo.size > 0 && timeout !== null) timeoutHandle = loop.callLater(timeout, onTimeout);
  const n = todo.size;
  for (let i = 0; i < n; i++) yield new GenCoroutine(() => waitForOne(done), "asCompleted()");
}

/**
 * asyncio's _wait_for_one: the next future done, or TimeoutError for the dummy
 * a timeout puts. At module level, not made per asCompleted() call (a
 * generator function made per call costs a V8 map; see createConnectionBody in net/server.ts).
 */
function* waitForOne<T>(done: Queue<Future<T> | null>): Generator<unknown, T, unknown> {
  const f = yield* done.get();
  if (f === null) throw new TimeoutError();
  return f.result();
}
