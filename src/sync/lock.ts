/**
 * Lock: asyncio.Lock (3.12). Ordering: waiters are woken FIFO, one at a time;
 * a new acquirer never jumps the queue while a live waiter exists; a woken
 * waiter that is cancelled before it runs passes the wake-up on.
 */
import { CancelledError, RuntimeError } from "../errors.js";
import { CoroutineObject, iterResult } from "../futures/coroutine.js";
import { type Future, PENDING, WaiterFuture, markBlocking } from "../futures/future.js";
import type { AsyncContextManager } from "../asyncio/asyncWith.js";
import { lockRepr, setPyName, waitersSuffix } from "../util/asyncioRepr.js";
import { LoopBound, removeItem } from "./loopBound.js";

/**
 * A mutual-exclusion lock. Mirrors asyncio.Lock.
 * @example
 * yield* asyncWith(lock, function* () { ... });   // async with lock:
 * await lock.acquire(); try { ... } finally { lock.release(); }
 */
export class Lock extends LoopBound implements AsyncContextManager<undefined> {
  /** @internal */ _waiters: Future<boolean>[] | null = null;
  /** @internal */ _locked = false;

  /** True while the lock is held. Mirrors Lock.locked(). */
  locked(): boolean {
    return this._locked;
  }

  /** Acquires the lock, waiting in line if needed; resolves to true. Mirrors Lock.acquire(). */
  acquire(): CoroutineObject<true> {
    return new LockAcquire(this);
  }

  /**
   * Releases the lock and wakes the first waiter. Mirrors Lock.release().
   * @throws RuntimeError if the lock is not held.
   */
  release(): void {
    if (!this._locked) throw new RuntimeError("Lock is not acquired.");
    this._locked = false;
    this._wakeUpFirst();
  }

  /** @internal Ordering: only the first waiter is woken; if it is done already, nobody. */
  _wakeUpFirst(): void {
    const waiters = this._waiters;
    if (waiters === null || waiters.length === 0) return;
    const fut = waiters[0];
    if (!fut.done()) fut.setResult(true);
  }

  /** `async with lock:` enters by acquiring. */
  *aenter(): Generator<unknown, undefined, unknown> {
    yield* this.acquire();
    return undefined;
  }

  /** ... and exits by releasing. */
  *aexit(): Generator<unknown, boolean, unknown> {
    this.release();
    return false;
  }

  /**
   * asyncio's repr, without the address (see util/asyncioRepr.ts): whether
   * the lock is held, and how many tasks wait. Mirrors Lock.__repr__.
   * @example String(lock); // "<asyncio.locks.Lock object [locked, waiters:2]>"
   */
  override toString(): string {
    return lockRepr(this, (this._locked ? "locked" : "unlocked") + waitersSuffix(this._waiters));
  }
}
setPyName(Lock, "asyncio.locks.Lock");

/**
 * `lock.acquire()` as a hand-written coroutine (the hot path of every
 * `async with lock`): one object instead of a generator, a closure and a
 * wrapper. asyncio's steps:
 *
 *     if not self._locked and (no waiters or all cancelled): take it, return
 *     fut = create_future(); self._waiters.append(fut)
 *     try: await fut  (finally: remove fut)
 *     except CancelledError: if not self._locked: self._wake_up_first(); raise
 *     self._locked = True
 */
class LockAcquire extends CoroutineObject<true> implements Iterator<unknown, true, unknown> {
  private fut: WaiterFuture<boolean> | null = null;

  constructor(private readonly lock: Lock) {
    super();
  }

  describe(): string {
    return "Lock.acquire()";
  }

  protected _iterator(): Iterator<unknown, true, unknown> {
    return this;
  }

  next(): IteratorResult<unknown, true> {
    const lock = this.lock;
    const fut = this.fut;
    if (fut === null) {
      if (!lock._locked && (lock._waiters === null || lock._waiters.every((w) => w.cancelled()))) {
        lock._locked = true;
        return iterResult(true, true);
      }
      if (lock._waiters === null) lock._waiters = [];
      const waiter = new WaiterFuture<boolean>(lock._getLoop(), "Lock.acquire()");
      lock._waiters.push(waiter);
      this.fut = waiter;
      markBlocking(waiter);
      return iterResult(false, waiter);
    }
    // woken: the future has its result (a cancellation comes in through throw())
    this.fut = null;
    if (fut._state === PENDING) throw new RuntimeError(`await wasn't used with future ${fut._repr()}`);
    removeItem(lock._waiters as Future<boolean>[], fut);
    fut.result();
    lock._locked = true;
    return iterResult(true, true);
  }

  throw(error: unknown): IteratorResult<unknown, true> {
    const fut = this.fut;
    this.fut = null;
    if (fut !== null) {
      const lock = this.lock;
      removeItem(lock._waiters as Future<boolean>[], fut);
      if (error instanceof CancelledError && !lock._locked) lock._wakeUpFirst();
    }
    throw error;
  }

  return(value: true): IteratorResult<unknown, true> {
    const fut = this.fut;
    this.fut = null;
    if (fut !== null) removeItem(this.lock._waiters as Future<boolean>[], fut);
    return iterResult(true, value);
  }
}
