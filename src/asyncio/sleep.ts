/**
 * sleep(): asyncio.sleep, as a hand-written coroutine state machine because
 * it is the hottest awaitable. To keep a pending sleep small, one object is
 * the coroutine, the future the task waits on, and the timer that completes
 * it (CPython: a coroutine, a Future and a TimerHandle). It is marked as a
 * coroutine, so gather()/createTask() treat it as one, as asyncio does; the
 * loop's heap and ready queue run it like any TimerHandle.
 *
 * Ordering, as in CPython: a delay <= 0 is a bare yield (exactly one loop
 * iteration; YieldOnce below, a smaller object); otherwise a future plus
 * `call_later(delay, ...)` that sets its result, and the timer is cancelled
 * in a `finally` (which, when the sleep is cancelled early, counts towards
 * the loop's heap clean-up).
 */
import { RuntimeError } from "../errors.js";
import { CoroutineObject, awaitCoroutine, iterResult } from "../futures/coroutine.js";
import { FINISHED, Future, PENDING, markBlocking } from "../futures/future.js";
import { type Callback, type TimerLike, scheduledSeq } from "../loop/handle.js";
import { currentLoop, requireLoop } from "../loop/running.js";
import { setPyName } from "../util/asyncioRepr.js";
import type { Awaitable } from "../types.js";
import { showTyped } from "../util/showValue.js";
import { extraArgument } from "../util/args.js";

const result = iterResult;

const START = 0;
const WAITING = 1;
const DONE = 2;

/** The timer's callback, as CPython's: futures._set_result_unless_cancelled. */
function setResultUnlessCancelled(this: void): void {
  // only a marker for the loop (a live timer has a callback); SleepCoroutine._run does the work
}

/** @internal the coroutine object of one sleep() call, the future it waits on, and its timer */
export class SleepCoroutine<T> extends Future<T> implements Iterator<unknown, T, unknown>, TimerLike {
  // One field keeps its initializer on purpose: a subclass with no instance
  // field at all, whose class gets its `name` redefined (esbuild's keepNames:
  // tsx, npm run bench), makes V8 construct every instance through the
  // runtime, ~400 ns each (measured). The others are set in the constructor
  // (see Future's constructor).
  private _step = START;
  /** @internal as a timer: its callback, null once the timer is cancelled */ declare _fn: Callback | null;
  /** @internal as a timer: the deadline */ declare _when: number;
  /** @internal as a timer: the insertion number, negated while out of the heap */ declare _seq: number;
  private declare readonly _delay: number;

  constructor(delay: number, value: T) {
    // The loop is (re)bound when the sleep starts; until then it may be none.
    super(currentLoop() as never);
    this._fn = null;
    this._when = 0;
    this._seq = 0;
    this._delay = delay;
    this._result = value; // the value the sleep returns, kept where its result goes
  }

  describe(): string {
    return `sleep(${this._delay})`;
  }

  override _describe(): string {
    return this.describe();
  }

  // ------------------------------------------------------------ as a timer

  /** @internal the timer's argument, for reports: this future */
  get _a0(): unknown {
    return this;
  }

  /** @internal a timer is cancelled once its callback is gone */
  get _cancelled(): boolean {
    return this._fn === null;
  }

  /** @internal true while in the heap (the sign of _seq, as TimerHandle) */
  get _scheduled(): boolean {
    return this._seq > 0;
  }
  set _scheduled(on: boolean) {
    this._seq = scheduledSeq(this._seq, on);
  }

  /** @internal the timer's number, for traces */
  get _id(): number {
    return Math.abs(this._seq);
  }

  /** @internal what firing the timer does, for reports */
  describeTimer(): string {
    return `wake ${this.describe()}`;
  }

  /** @internal the timer fires: `_set_result_unless_cancelled(fut, result)` */
  _run(): void {
    if (this._state === PENDING) this.setResult(this._result as T);
  }

  /** TimerHandle.cancel() of the timer (not Future.cancel). */
  private _cancelTimer(): void {
    if (this._fn !== null) {
      this._loop._timerHandleCancelled(this);
      this._fn = null;
    }
  }

  // ------------------------------------------------------------ as a coroutine

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
      const loop = requireLoop("sleep()");
      this._loop = loop;
      this._fn = setResultUnlessCancelled;
      loop._scheduleTimer(this, loop.time() + this._delay);
      this._step = WAITING;
      markBlocking(this);
      return result(false, this);
    }
    if (this._step === WAITING) {
      this._step = DONE;
      if (this._state === FINISHED) {
        // The timer fired and set the result: `finally: h.cancel()` on a
        // timer that already ran changes nothing (it is out of the heap, so
        // it is not counted), and nobody else holds the timer.
        return result(true, this._result);
      }
      this._cancelTimer(); // the `finally: h.cancel()`
      if (this._state === PENDING) throw new RuntimeError(`await wasn't used with future ${this._repr()}`);
      return result(true, this.result());
    }
    return result(true, this._result);
  }

  throw(error: unknown): IteratorResult<unknown, T> {
    if (this._step === WAITING) this._cancelTimer();
    this._step = DONE;
    throw error;
  }

  return(value: T): IteratorResult<unknown, T> {
    if (this._step === WAITING) this._cancelTimer();
    this._step = DONE;
    return result(true, value);
  }
}
setPyName(SleepCoroutine, "Future"); // as a task's wait_for: the future asyncio.sleep awaits
(SleepCoroutine.prototype as unknown as { _isCoroutine: boolean })._isCoroutine = true;

/**
 * Suspends the calling task for `delay` virtual seconds, then returns `result`.
 * Mirrors `asyncio.sleep(delay, result)`; `sleep(0)` (any delay <= 0, -Infinity
 * too) yields exactly once; `sleep(Infinity)` sleeps until cancelled, as in
 * CPython (if nothing else is left to run, the run ends in a DeadlockError).
 * @throws TypeError when delay is NaN or not a number, or for a third argument.
 * @example
 * yield* sleep(1);                  // generator style
 * const v = await sleep(2, "done"); // async style
 */
export function sleep<T = undefined>(delay: number, result?: T): Awaitable<T>;
export function sleep<T = undefined>(delay: number, result?: T, extra?: unknown): Awaitable<T> {
  // (one test, and the messages made out of line: sleep is the hottest call there is)
  if (typeof delay !== "number" || Number.isNaN(delay) || extra !== undefined) throw badSleep(delay, extra);
  // A delay <= 0 is a bare yield: no future and no timer, so a smaller object.
  return delay <= 0 ? new YieldOnce<T>(delay, result as T) : new SleepCoroutine<T>(delay, result as T);
}

/** What sleep() says about a delay that is not a number, or a third argument. */
function badSleep(delay: unknown, extra: unknown): TypeError {
  if (extra !== undefined) return extraArgument("sleep()", "two arguments, the delay and the result", extra);
  return new TypeError(`sleep: delay must be a number of seconds other than NaN (got ${showTyped(delay)})`);
}

/**
 * @internal sleep(0) (any delay <= 0): CPython's `__sleep0()`, a bare yield
 * that gives up control for exactly one loop iteration, then returns the result.
 */
class YieldOnce<T> extends CoroutineObject<T> implements Iterator<unknown, T, unknown> {
  // (one field initializer on purpose, see SleepCoroutine)
  private _yielded = false;
  private declare readonly _delay: number;
  private declare readonly _value: T;

  constructor(delay: number, value: T) {
    super();
    this._delay = delay;
    this._value = value;
  }

  describe(): string {
    return `sleep(${this._delay})`;
  }

  protected _iterator(): Iterator<unknown, T, unknown> {
    return this;
  }

  next(): IteratorResult<unknown, T> {
    if (!this._yielded) {
      this._yielded = true;
      return result(false, undefined); // bare yield: one iteration
    }
    return result(true, this._value);
  }

  throw(error: unknown): IteratorResult<unknown, T> {
    this._yielded = true;
    throw error;
  }

  return(value: T): IteratorResult<unknown, T> {
    this._yielded = true;
    return result(true, value);
  }
}
