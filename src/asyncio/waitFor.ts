/**
 * waitFor(): asyncio.wait_for, 3.12 semantics. A coroutine is awaited inline
 * (no new task) under `timeout(t)`; a timeout <= 0 cancels a pending future
 * at once and waits for it to finish; a cancellation that the awaited work
 * swallows lets its value through.
 */
import { CancelledError, TimeoutError } from "../errors.js";
import { type CoroutineObject, GenCoroutine, callBody } from "../futures/coroutine.js";
import { Future, WaiterFuture } from "../futures/future.js";
import { coroutineIterator, isStartedPromise, quietRefused, startedPromiseError } from "../futures/coroutineInput.js";
import { requireLoop } from "../loop/running.js";
import { showTyped } from "../util/showValue.js";
import { type AwaitableInput, checkAwaitable, futureFor } from "./ensureFuture.js";
import { asyncWith } from "./asyncWith.js";
import { timeout as makeTimeout } from "./timeouts.js";
import { extraArgument } from "../util/args.js";

/** futures._release_waiter */
export function releaseWaiter(waiter: Future<unknown>): void {
  if (!waiter.done()) waiter.setResult(undefined);
}

/** tasks._cancel_and_wait: cancel `fut` and wait until it is done. */
export function* cancelAndWait(fut: Future<unknown>): Generator<unknown, void, unknown> {
  const loop = requireLoop("cancelAndWait");
  // no label: traces show it as a plain future; deadlock reports say whose cancellation it waits for
  const waiter = new WaiterFuture<unknown>(loop, undefined, {
    _waitInfo: () => {
      const info = fut._awaitedInfo();
      return { text: `waitFor(timeout <= 0) cancelling ${info.text}`, edges: info.edges };
    },
  });
  const cb = (): void => releaseWaiter(waiter);
  fut.addDoneCallback(cb);
  try {
    fut.cancel();
    yield* waiter;
  } finally {
    fut.removeDoneCallback(cb);
  }
}

/** @internal `await aw` inline: a future, a generator, a lazy awaitable, or a zero-argument function. */
export function* awaitInline<T>(aw: AwaitableInput<T>, what: string): Generator<unknown, T, unknown> {
  if (isStartedPromise(aw)) {
    quietRefused(aw);
    throw startedPromiseError(what);
  }
  checkAwaitable(aw, what);
  if (typeof aw === "function") return (yield* callBody(aw as () => unknown, undefined)) as T;
  const it = coroutineIterator(aw) as Iterator<unknown, T, unknown>;
  return yield* { [Symbol.iterator]: () => it };
}

function* waitForGen<T>(aw: AwaitableInput<T>, timeout: number | null): Generator<unknown, T, unknown> {
  if (timeout !== null && timeout <= 0) {
    const fut = futureFor(aw, "waitFor");
    if (fut.done()) return fut.result();
    yield* cancelAndWait(fut);
    try {
      return fut.result();
    } catch (error) {
      if (error instanceof CancelledError) throw new TimeoutError("", { cause: error });
      throw error;
    }
  }
  // (the body is an arrow to a module-level generator function: a generator
  // function made per call costs a V8 map; see createConnectionBody in net/server.ts)
  return (yield* asyncWith(makeTimeout(timeout), () => awaitInline(aw, "waitFor"))) as T;
}

/**
 * Waits for `aw` with a time limit; on timeout cancels it and throws TimeoutError.
 * Mirrors `asyncio.wait_for(aw, timeout)` (3.12: a coroutine runs inline).
 * @throws TimeoutError; TypeError for a started Promise, a bad timeout or a third argument.
 * @example
 * const v = await waitFor(() => fetchIt(), 5);
 * const w = yield* waitFor(task, null); // no limit
 */
export function waitFor<T>(aw: AwaitableInput<T>, timeout: number | null): CoroutineObject<T>;
export function waitFor<T>(aw: AwaitableInput<T>, timeout: number | null, extra?: unknown): CoroutineObject<T> {
  if (extra !== undefined) throw extraArgument("waitFor()", "two arguments, the awaitable and the timeout", extra);
  if (timeout !== null && (typeof timeout !== "number" || Number.isNaN(timeout))) {
    throw new TypeError(`waitFor: timeout must be a number or null (got ${showTyped(timeout)})`);
  }
  return new GenCoroutine(() => waitForGen(aw, timeout), "waitFor");
}
