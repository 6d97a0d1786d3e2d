/**
 * wait(): asyncio.wait (3.12). Waits on a set of futures until the
 * returnWhen condition or the timeout; never raises TimeoutError.
 * Ordering: as in CPython, wait() always suspends at least once, even when
 * every future is already done (their done callbacks run one iteration
 * later, then the waiter wakes the task one iteration after that).
 */
import { ValueError } from "../errors.js";
import { type CoroutineObject, GenCoroutine } from "../futures/coroutine.js";
import { Future, WaiterFuture, isFuture } from "../futures/future.js";
import { awaitingMany } from "../futures/waitInfo.js";
import type { TimerHandle } from "../loop/handle.js";
import { requireLoop } from "../loop/running.js";
import { releaseWaiter } from "./waitFor.js";
import { showTyped, showValue } from "../util/showValue.js";
import { checkOptionNames, extraArgument } from "../util/args.js";

/** wait() returns when any future finishes or is cancelled. Mirrors asyncio.FIRST_COMPLETED. */
export const FIRST_COMPLETED = "FIRST_COMPLETED";
/** wait() returns when any future fails (or all are done). Mirrors asyncio.FIRST_EXCEPTION. */
export const FIRST_EXCEPTION = "FIRST_EXCEPTION";
/** wait() returns when all futures are done (the default). Mirrors asyncio.ALL_COMPLETED. */
export const ALL_COMPLETED = "ALL_COMPLETED";
/** The conditions wait() can wait for. */
export type ReturnWhen = typeof FIRST_COMPLETED | typeof FIRST_EXCEPTION | typeof ALL_COMPLETED;

/** wait()'s keyword arguments: `timeout` (seconds, null for none) and `returnWhen`. */
export interface WaitOptions {
  timeout?: number | null;
  returnWhen?: ReturnWhen;
}

const WAIT_OPTIONS = ["timeout", "returnWhen"] as const;

function* waitGen<T>(fs: Iterable<Future<T>>, options: WaitOptions): Generator<unknown, [Set<Future<T>>, Set<Future<T>>], unknown> {
  if (fs instanceof Future || fs === null || typeof fs !== "object" || !(Symbol.iterator in fs)) {
    throw new TypeError(`wait: expect an iterable of futures, not ${fs instanceof Future ? "a Future" : showValue(fs)}`);
  }
  if (options === null || typeof options !== "object") {
    throw new TypeError(`wait: options must be an object like { timeout: 5, returnWhen: FIRST_COMPLETED } (got ${showValue(options)})`);
  }
  const returnWhen = options.returnWhen ?? ALL_COMPLETED;
  const set = new Set(fs);
  if (set.size === 0) throw new ValueError("Set of Tasks/Futures is empty.");
  if (returnWhen !== FIRST_COMPLETED && returnWhen !== FIRST_EXCEPTION && returnWhen !== ALL_COMPLETED) {
    throw new ValueError(`Invalid return_when value: ${typeof returnWhen === "string" ? returnWhen : showValue(returnWhen)}`);
  }
  for (const f of set) {
    if (!isFuture(f)) throw new TypeError("Passing coroutines is forbidden, use tasks explicitly.");
  }
  const timeout = options.timeout ?? null;
  if (timeout !== null && (typeof timeout !== "number" || Number.isNaN(timeout))) {
    throw new TypeError(`wait: timeout must be a number other than NaN, or null (got ${showTyped(timeout)})`);
  }
  const loop = requireLoop("wait()");
  // no label: traces show it as a plain future; deadlock reports as "wait(Task-2, Task-3)"
  const note = returnWhen === ALL_COMPLETED ? undefined : returnWhen;
  const waiter = new WaiterFuture<unknown>(loop, undefined, { _waitInfo: () => awaitingMany("wait", set, note) });
  let timeoutHandle: TimerHandle | null = null;
  if (timeout !== null) timeoutHandle = loop.callLater(timeout, releaseWaiter, waiter);
  let counter = set.size;
  const onCompletion = (f: Future<T>): void => {
    counter--;
    if (
      counter <= 0 ||
      returnWhen === FIRST_COMPLETED ||
      (returnWhen === FIRST_EXCEPTION && !f.cancelled() && f.exception() !== undefined)
    ) {
      if (timeoutHandle !== null) timeoutHandle.cancel();
      if (!waiter.done()) waiter.setResult(undefined);
    }
  };
  for (const f of set) f.addDoneCallback(onCompletion);
  try {
    yield* waiter;
  } finally {
    if (timeoutHandle !== null) timeoutHandle.cancel();
    for (const f of set) f.removeDoneCallback(onCompletion);
  }
  const done = new Set<Future<T>>();
  const pending = new Set<Future<T>>();
  for (const f of set) (f.done() ? done : pending).add(f);
  return [done, pending];
}

/**
 * Waits for futures/tasks; returns [done, pending] (Sets in the order given).
 * The signature is the surface file's (`Set<Future<T>>`): cast to Task to call getName().
 * Mirrors `asyncio.wait(fs, timeout=None, return_when=ALL_COMPLETED)`.
 * @throws ValueError for an empty iterable or a bad returnWhen; TypeError for coroutines,
 *   an option other than timeout and returnWhen, or a third argument.
 * @example
 * const [done, pending] = yield* wait([t1, t2], { returnWhen: FIRST_COMPLETED });
 */
export function wait<T>(fs: Iterable<Future<T>>, options?: WaitOptions): CoroutineObject<[Set<Future<T>>, Set<Future<T>>]>;
export function wait<T>(fs: Iterable<Future<T>>, options: WaitOptions = {}, extra?: unknown): CoroutineObject<[Set<Future<T>>, Set<Future<T>>]> {
  // As a Python call binds its arguments: too many, or an option it does not have, fail at the call.
  if (extra !== undefined) throw extraArgument("wait()", "two arguments, the futures and the options", extra);
  if (options !== null && typeof options === "object") checkOptionNames("wait", options, WAIT_OPTIONS);
  return new GenCoroutine(() => waitGen(fs, options), "wait");
}
