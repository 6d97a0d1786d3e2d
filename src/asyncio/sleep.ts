/**
 * sleep(): asyncio.sleep, as a hand-written coroutine state machine (one
 * object per call, no generator) because it is the hottest awaitable.
 *
 * Ordering, as in CPython: a delay <= 0 is a bare yield (exactly one loop
 * iteration); otherwise a future plus `callLater(delay, ...)` that sets its
 * result, and the timer is cancelled in a `finally` (which, when the sleep is
 * cancelled early, counts towards the loop's heap clean-up).
 */
import { RuntimeError } from "../errors.js";
import { CoroutineObject } from "../futures/coroutine.js";
import { Future } from "../futures/future.js";
import type { TimerHandle } from "../loop/handle.js";
import { requireLoop } from "../loop/running.js";

/** futures._set_result_unless_cancelled */
function setResultUnlessCancelled(fut: Future<unknown>, result: unknown): void {
  if (fut.cancelled()) return;
  fut.setResult(result);
}

const START = 0;
const WAITING = 1;
const DONE = 2;

class SleepCoroutine<T> extends CoroutineObject<T> implements Iterator<unknown, T, unknown> {
  private state = START;
  private fut: Future<T> | null = null;
  private timer: TimerHandle | null = null;

  constructor(
    private readonly delay: number,
    private readonly value: T,
  ) {
    super();
  }

  describe(): string {
    return `sleep(${this.delay})`;
  }

  protected _iterator(): Iterator<unknown, T, unknown> {
    return this;
  }

  next(): IteratorResult<unknown, T> {
    if (this.state === START) {
      if (this.delay <= 0) {
        this.state = DONE;
        return { done: false, value: undefined }; // bare yield: one iteration
      }
      const loop = requireLoop("sleep()");
      const fut = new Future<T>(loop);
      fut._label = this.describe();
      this.fut = fut;
      this.timer = loop._callAt(loop.time() + this.delay, setResultUnlessCancelled, 2, fut, this.value);
      this.state = WAITING;
      fut._blocking = true;
      return { done: false, value: fut };
    }
    if (this.state === WAITING) {
      this.state = DONE;
      (this.timer as TimerHandle).cancel(); // the `finally: h.cancel()`
      const fut = this.fut as Future<T>;
      if (!fut.done()) throw new RuntimeError(`await wasn't used with future ${fut._repr()}`);
      return { done: true, value: fut.result() };
    }
    return { done: true, value: this.value };
  }

  throw(error: unknown): IteratorResult<unknown, T> {
    if (this.state === WAITING) (this.timer as TimerHandle).cancel();
    this.state = DONE;
    throw error;
  }

  return(value: T): IteratorResult<unknown, T> {
    if (this.state === WAITING) (this.timer as TimerHandle).cancel();
    this.state = DONE;
    return { done: true, value };
  }
}

/**
 * Suspends the calling task for `delay` virtual seconds, then returns `result`.
 * Mirrors `asyncio.sleep(delay, result)`; `sleep(0)` yields exactly once.
 * @throws TypeError when delay is not a finite number (NaN, Infinity, a string).
 * @example
 * yield* sleep(1);            // generator style
 * const v = await sleep(2, "done"); // async style
 */
export function sleep<T = undefined>(delay: number, result?: T): CoroutineObject<T> {
  if (typeof delay !== "number" || !Number.isFinite(delay)) {
    const shown = typeof delay === "number" ? String(delay) : `${typeof delay} ${JSON.stringify(delay)}`;
    throw new TypeError(`sleep: delay must be a finite number of seconds (got ${shown})`);
  }
  return new SleepCoroutine<T>(delay, result as T);
}
