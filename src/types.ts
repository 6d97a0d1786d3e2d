/** The coroutine and awaitable shapes of the public surface. */

/**
 * A coroutine: a generator object (lazy, like a Python coroutine object) or a
 * zero-argument function returning a generator or a Promise (an async
 * function), which the task calls at its first step.
 */
export type Coroutine<T> =
  | Generator<unknown, T, unknown>
  | (() => Generator<unknown, T, unknown>)
  | (() => PromiseLike<T>);

/** Every vloop awaitable: `await x` (thenable) and `yield* x` (iterable). */
export interface Awaitable<T> extends PromiseLike<T> {
  [Symbol.iterator](): Generator<unknown, T, unknown>;
}

/** What gather/shield/waitFor accept: an awaitable or a coroutine. */
export type AwaitableLike<T> = Awaitable<T> | Coroutine<T>;
