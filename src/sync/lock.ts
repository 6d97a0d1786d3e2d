/**
 * Lock: asyncio.Lock (3.12). Ordering: waiters are woken FIFO, one at a time;
 * a new acquirer never jumps the queue while a live waiter exists; a woken
 * waiter that is cancelled before it runs passes the wake-up on.
 */
import { CancelledError, RuntimeError } from "../errors.js";
import { type CoroutineObject, GenCoroutine } from "../futures/coroutine.js";
import { type Future, WaiterFuture } from "../futures/future.js";
import type { AsyncContextManager } from "../asyncio/asyncWith.js";
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
    return new GenCoroutine(() => this._acquire(), "Lock.acquire()");
  }

  /** @internal */
  *_acquire(): Generator<unknown, true, unknown> {
    if (!this._locked && (this._waiters === null || this._waiters.every((w) => w.cancelled()))) {
      this._locked = true;
      return true;
    }
    if (this._waiters === null) this._waiters = [];
    const fut = new WaiterFuture<boolean>(this._getLoop(), "Lock.acquire()");
    this._waiters.push(fut);
    try {
      try {
        yield* fut;
      } finally {
        removeItem(this._waiters, fut);
      }
    } catch (error) {
      if (error instanceof CancelledError && !this._locked) this._wakeUpFirst();
      throw error;
    }
    this._locked = true;
    return true;
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

  /** Ordering: only the first waiter is woken; if it is done already, nobody. */
  private _wakeUpFirst(): void {
    const waiters = this._waiters;
    if (waiters === null || waiters.length === 0) return;
    const fut = waiters[0];
    if (!fut.done()) fut.setResult(true);
  }

  /** `async with lock:` enters by acquiring. */
  *aenter(): Generator<unknown, undefined, unknown> {
    yield* this._acquire();
    return undefined;
  }

  /** ... and exits by releasing. */
  *aexit(): Generator<unknown, boolean, unknown> {
    this.release();
    return false;
  }
}
