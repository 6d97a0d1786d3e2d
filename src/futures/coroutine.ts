/**
 * CoroutineObject: a lazy awaitable written in generator style (what
 * `sleep()` returns), usable from both coroutine styles, like a Python
 * coroutine object: nothing happens until it is awaited, and it can be
 * awaited once.
 *   generator style: `yield* sleep(1)` iterates it;
 *   async style:     `await sleep(1)` calls then(), which drives it inline
 *                    for the awaiting task (no extra task, no extra iteration).
 * createTask()/gather() accept it as a coroutine, as asyncio does.
 */
import { RuntimeError } from "../errors.js";
import { currentLoop } from "../loop/running.js";
import { misuse } from "./future.js";
import { type Task, driveInline } from "./task.js";

export abstract class CoroutineObject<T> implements PromiseLike<T> {
  private _awaited = false;

  /** The coroutine's iterator (called once). */
  protected abstract _iterator(): Iterator<unknown, T, unknown>;

  /** A short name for messages, e.g. "sleep(1)". */
  abstract describe(): string;

  /** Generator style: `const v = yield* coro`. */
  [Symbol.iterator](): Generator<unknown, T, unknown> {
    if (this._awaited) throw new RuntimeError(`cannot reuse already awaited coroutine ${this.describe()}`);
    this._awaited = true;
    return this._iterator() as Generator<unknown, T, unknown>;
  }

  /** Async style: `const v = await coro`, inside a task's async function. */
  then<A = T, B = never>(
    onFulfilled?: ((value: T) => A | PromiseLike<A>) | null,
    onRejected?: ((reason: unknown) => B | PromiseLike<B>) | null,
  ): PromiseLike<A | B> {
    const loop = currentLoop();
    const waiter = loop === null ? null : (loop._asyncWaiter as Task<unknown> | null);
    if (waiter !== null) {
      let it: Iterator<unknown, T, unknown>;
      try {
        it = this[Symbol.iterator]();
      } catch (error) {
        if (onRejected) onRejected(error);
        return undefined as unknown as PromiseLike<A | B>;
      }
      driveInline(waiter, it as Iterator<unknown, unknown, unknown>, onFulfilled, onRejected, undefined);
      return undefined as unknown as PromiseLike<A | B>;
    }
    if (loop !== null && loop._resumePending !== null) throw misuse(loop, this.describe());
    const error = new RuntimeError(
      `${this.describe()} was awaited outside a vloop task; await it inside a coroutine run by run() or createTask()`,
    );
    return Promise.reject(error).then(onFulfilled, onRejected);
  }
}
