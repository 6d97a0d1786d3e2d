/**
 * sleep(): asyncio.sleep, as a hand-written coroutine state machine because
 * it is the hottest awaitable. To keep a pending sleep small, the coroutine
 * object is itself the future the task waits on (one object per sleep, not
 * three); it is marked as a coroutine, so gather()/createTask() treat it as
 * one, as asyncio does.
 *
 * Ordering, as in CPython: a delay <= 0 is a bare yield (exactly one loop
 * iteration); otherwise a future plus `callLater(delay, ...)` that sets its
 * result, and the timer is cancelled in a `finally` (which, when the sleep is
 * cancelled early, counts towards the loop's heap clean-up).
 */
import { RuntimeError } from "../errors.js";
import { awaitCoroutine, iterResult } from "../futures/coroutine.js";
import { FINISHED, Future, PENDING } from "../futures/future.js";
import type { TimerHandle } from "../loop/handle.js";
import { currentLoop, requireLoop } from "../loop/running.js";
import type { Awaitable } from "../types.js";

/** futures._set_result_unless_cancelled */
function setResultUnlessCancelled(fut: Future<unknown>, result: unknown): void {
  if (fut.cancelled()) return;
  fut.setResult(result);
}

const result = iterResult;

const START = 0;
const WAITING = 1;
const DONE = 2;

/** @internal the coroutine object of one sleep() call, and the future it waits on */
export class SleepCoroutine<T> extends Future<T> implements Iterator<unknown, T, unknown> {
  private _step = START;
  private _timer: TimerHandle | null = null;

  constructor(
    private readonly _delay: number,
    value: T,
  ) {
    // The loop is (re)bound when the sleep starts; until then it may be none.
    super(currentLoop() as never);
    this._result = value; // the value the sleep returns, kept where its result goes
  }

  describe(): string {
    return `sleep(${this._delay})`;
  }

  override _describe(): string {
    return this.describe();
  }

  /** Generator style: `yield* sleep(d)`. A coroutine can be awaited once. */
  override [Symbol.iterator](): Generator<unknown, T, unknown> {
    if (this._step !== START) throw new RuntimeError(`cannot reuse already awaited coroutine ${this.describe()}`);
    return this as unknown as Generator<unknown, T, unknown>;
  }

  /** Async style: `await sleep(d)` drives it inline for the awaiting task. */
  override then<A = T, B = never>(
    onFulfilled?: ((value: T) => A | PromiseLike<A>) | null,
    onRejected?: ((reason: unknown) => B | PromiseLike<B>) | null,
  ): PromiseLike<A | B> {
    return awaitCoroutine(this, onFulfilled, onRejected) as PromiseLike<A | B>;
  }

  next(): IteratorResult<unknown, T> {
    if (this._step === START) {
      if (this._delay <= 0) {
        this._step = DONE;
        return result(false, undefined); // bare yield: one iteration
      }
      const loop = requireLoop("sleep()");
      this._loop = loop;
      this._timer = loop._callAt(loop.time() + this._delay, setResultUnlessCancelled, 2, this, this._result);
      this._step = WAITING;
      this._blocking = true;
      return result(false, this);
    }
    if (this._step === WAITING) {
      this._step = DONE;
      if (this._state === FINISHED) {
        // The timer fired and set the result: `finally: h.cancel()` on a
        // timer that already ran changes nothing (it is out of the heap, so
        // it is not counted), and nobody else holds the handle.
        return result(true, this._result);
      }
      (this._timer as TimerHandle).cancel(); // the `finally: h.cancel()`
      if (this._state === PENDING) throw new RuntimeError(`await wasn't used with future ${this._repr()}`);
      return result(true, this.result());
    }
    return result(true, this._result);
  }

  throw(error: unknown): IteratorResult<unknown, T> {
    if (this._step === WAITING) (this._timer as TimerHandle).cancel();
    this._step = DONE;
    throw error;
  }

  return(value: T): IteratorResult<unknown, T> {
    if (this._step === WAITING) (this._timer as TimerHandle).cancel();
    this._step = DONE;
    return result(true, value);
  }
}
(SleepCoroutine.prototype as unknown as { _isCoroutine: boolean })._isCoroutine = true;

/**
 * Suspends the calling task for `delay` virtual seconds, then returns `result`.
 * Mirrors `asyncio.sleep(delay, result)`; `sleep(0)` yields exactly once.
 * @throws TypeError when delay is not a finite number (NaN, Infinity, a string).
 * @example
 * yield* sleep(1);                  // generator style
 * const v = await sleep(2, "done"); // async style
 */
export function sleep<T = undefined>(delay: number, result?: T): Awaitable<T> {
  if (typeof delay !== "number" || !Number.isFinite(delay)) {
    const shown = typeof delay === "number" ? String(delay) : `${typeof delay} ${JSON.stringify(delay)}`;
    throw new TypeError(`sleep: delay must be a finite number of seconds (got ${shown})`);
  }
  return new SleepCoroutine<T>(delay, result as T);
}
