/**
 * Condition: asyncio.Condition (3.12). wait() releases the lock, waits for a
 * notify, and always re-acquires the lock before returning, even when
 * cancelled (the CancelledError is raised after the lock is held again).
 * notify(n) wakes the first n live waiters, in the order they waited.
 */
import { CancelledError, RuntimeError } from "../errors.js";
import { type CoroutineObject, GenCoroutine } from "../futures/coroutine.js";
import { type Future, NO_EDGES, WaiterFuture, type WaitSource } from "../futures/future.js";
import type { AsyncContextManager } from "../asyncio/asyncWith.js";
import type { BaseEventLoop } from "../loop/baseEventLoop.js";
import type { WaitInfo } from "../loop/deadlockReport.js";
import { Lock, LockAcquire } from "./lock.js";
import { lockRepr, setPyName, waitersSuffix } from "../util/asyncioRepr.js";
import { reportName } from "../util/reportNames.js";
import { LoopBound, removeItem } from "./loopBound.js";
import { showValue } from "../util/showValue.js";
import { extraArgument, noTimeout } from "../util/args.js";

/**
 * A condition variable over a Lock. Mirrors asyncio.Condition.
 * @throws TypeError for a lock that is not a Lock (CPython: AttributeError, at once), and from
 *   waitFor() for a predicate that is not a function (CPython: "'int' object is not callable")
 * @example
 * yield* asyncWith(cond, function* () { yield* cond.waitFor(() => items.length > 0); });
 */
export class Condition extends LoopBound implements AsyncContextManager<undefined>, WaitSource {
  /** @internal */ readonly _lock: Lock;
  /** @internal */ readonly _waiters: Future<boolean>[] = [];
  /** @internal the Barrier built on this condition: reports name its waits after the barrier */
  _reportAs: (WaitSource & { readonly _waitLabel: string; _reportName(loop: BaseEventLoop): string }) | null = null;

  /** @param lock the lock to use (a new Lock by default) */
  constructor(lock?: Lock);
  constructor(lock?: Lock, extra?: unknown) {
    super();
    if (extra !== undefined) throw extraArgument("Condition()", "one argument, the lock", extra);
    if (lock !== undefined && lock !== null && !(lock instanceof Lock)) {
      throw new TypeError(`Condition: lock must be a Lock or omitted (got ${showValue(lock)})`);
    }
    if (lock === undefined || lock === null) {
      lock = new Lock();
      lock._condition = this; // it has no name of its own: reports call it this condition
    }
    this._lock = lock;
  }

  /** @internal the condition's name in reports: "Condition#1" (a Barrier's: the barrier's) */
  _reportName(loop: BaseEventLoop): string {
    return this._reportAs !== null ? this._reportAs._reportName(loop) : reportName(loop, this);
  }

  /** @internal for deadlock reports: "Condition#1.wait()" (notify() would end it) */
  _waitInfo(fut: Future<unknown>): WaitInfo {
    return { text: `${this._reportName(fut._loop)}.wait()`, edges: NO_EDGES };
  }

  /** Mirrors Condition.locked(). */
  locked(): boolean {
    return this._lock.locked();
  }

  /** Acquires the underlying lock. Mirrors Condition.acquire(). */
  acquire(): CoroutineObject<true> {
    return this._lock.acquire();
  }

  /** Releases the underlying lock. Mirrors Condition.release(). */
  release(): void {
    this._lock.release();
  }

  /**
   * Releases the lock, waits for a notify, re-acquires the lock. Mirrors Condition.wait().
   * @throws RuntimeError if the lock is not held; TypeError for an argument (asyncio's Condition.wait takes no timeout).
   */
  wait(): CoroutineObject<true>;
  wait(extra?: unknown): CoroutineObject<true> {
    if (extra !== undefined) throw noTimeout("Condition.wait()", extra);
    return new GenCoroutine(() => this._wait(), "Condition.wait()");
  }

  /** @internal */
  *_wait(): Generator<unknown, true, unknown> {
    if (!this.locked()) throw new RuntimeError("cannot wait on un-acquired lock");
    this.release();
    try {
      const source = this._reportAs ?? this;
      const fut = new WaiterFuture<boolean>(this._getLoop(), this._reportAs?._waitLabel ?? "Condition.wait()", source);
      this._waiters.push(fut);
      try {
        yield* fut;
        return true;
      } finally {
        removeItem(this._waiters, fut);
      }
    } finally {
      // Ordering: re-acquire no matter what; a cancel during that is re-raised afterwards.
      let cancelled = false;
      for (;;) {
        try {
          const acquiring = this._lock.acquire();
          if (acquiring instanceof LockAcquire) acquiring._for = this; // reports: "re-acquiring"
          yield* acquiring;
          break;
        } catch (error) {
          if (!(error instanceof CancelledError)) throw error;
          cancelled = true;
        }
      }
      if (cancelled) throw new CancelledError(); // eslint-disable-line no-unsafe-finally
    }
  }

  /**
   * Waits until `predicate()` is truthy, re-checking after each notify; returns its value.
   * Mirrors Condition.wait_for().
   */
  waitFor<T>(predicate: () => T): CoroutineObject<T>;
  waitFor<T>(predicate: () => T, extra?: unknown): CoroutineObject<T> {
    if (extra !== undefined) throw noTimeout("Condition.waitFor(predicate)", extra, "one argument, the predicate");
    if (typeof predicate !== "function") throw new TypeError(`Condition.waitFor: predicate must be a function (got ${showValue(predicate)})`);
    return new GenCoroutine(() => this._waitForBody(predicate), "Condition.waitFor()");
  }

  /** @internal */
  *_waitForBody<T>(predicate: () => T): Generator<unknown, T, unknown> {
    let result = predicate();
    while (!result) {
      yield* this._wait();
      result = predicate();
    }
    return result;
  }

  /**
   * Wakes up to `n` waiters. Mirrors Condition.notify(n=1).
   * @throws RuntimeError if the lock is not held.
   */
  notify(n = 1): void {
    if (!this.locked()) throw new RuntimeError("cannot notify on un-acquired lock");
    let idx = 0;
    for (const fut of this._waiters) {
      if (idx >= n) break;
      if (!fut.done()) {
        idx++;
        fut.setResult(false);
      }
    }
  }

  /** Wakes every waiter. Mirrors Condition.notify_all(). */
  notifyAll(): void {
    this.notify(this._waiters.length);
  }

  /** `async with cond:` acquires the lock... */
  *aenter(): Generator<unknown, undefined, unknown> {
    yield* this._lock.acquire();
    return undefined;
  }

  /** ... and releases it. */
  *aexit(): Generator<unknown, boolean, unknown> {
    this.release();
    return false;
  }

  /**
   * asyncio's repr, without the address (see util/asyncioRepr.ts): whether
   * its lock is held, and how many tasks wait in wait(). Mirrors Condition.__repr__.
   * @example String(cond); // "<asyncio.locks.Condition object [unlocked, waiters:2]>"
   */
  override toString(): string {
    return lockRepr(this, (this.locked() ? "locked" : "unlocked") + waitersSuffix(this._waiters));
  }
}
setPyName(Condition, "asyncio.locks.Condition");
