/**
 * Lock: asyncio.Lock (3.12). Ordering: waiters are woken FIFO, one at a time;
 * a new acquirer never jumps the queue while a live waiter exists; a woken
 * waiter that is cancelled before it runs passes the wake-up on.
 *
 * asyncio's Lock has no owner (any task may release it). vloop notes which
 * task acquired it, and when, for deadlock reports only ("held by Task-4
 * (acquired at t=0)"): two field writes per acquire, read by nothing else.
 */
import { CancelledError, RuntimeError } from "../errors.js";
import { CoroutineObject, iterResult } from "../futures/coroutine.js";
import { type Future, NO_EDGES, PENDING, WaiterFuture, type WaitSource, markBlocking } from "../futures/future.js";
import type { AsyncContextManager } from "../asyncio/asyncWith.js";
import type { BaseEventLoop, LoopTask } from "../loop/baseEventLoop.js";
import type { WaitInfo } from "../loop/deadlockReport.js";
import { currentLoop } from "../loop/running.js";
import { lockRepr, setPyName, waitersSuffix } from "../util/asyncioRepr.js";
import { reportName } from "../util/reportNames.js";
import type { Condition } from "./condition.js";
import { LoopBound, removeItem } from "./loopBound.js";
import { extraArgument, noTimeout } from "../util/args.js";

/**
 * A mutual-exclusion lock. Mirrors asyncio.Lock.
 * @example
 * yield* asyncWith(lock, function* () { ... });   // async with lock:
 * await lock.acquire(); try { ... } finally { lock.release(); }
 */
export class Lock extends LoopBound implements AsyncContextManager<undefined> {
  /** @internal */ _waiters: Future<boolean>[] | null = null;
  /** @internal */ _locked = false;
  /** @internal reports only: the task that acquired the lock (null when free or unknown) */ _holder: LoopTask | null = null;
  /** @internal reports only: when the lock was acquired */ _heldSince = 0;
  /** @internal the Condition that made this lock for itself: reports name the lock after it */
  _condition: Condition | null = null;

  constructor();
  constructor(extra?: unknown) {
    super();
    if (extra !== undefined) throw extraArgument("Lock()", "no arguments", extra);
  }

  /** True while the lock is held. Mirrors Lock.locked(). */
  locked(): boolean {
    return this._locked;
  }

  /**
   * Acquires the lock, waiting in line if needed; resolves to true. Mirrors Lock.acquire().
   * @throws TypeError for an argument (asyncio's Lock.acquire takes no timeout).
   */
  acquire(): CoroutineObject<true>;
  acquire(extra?: unknown): CoroutineObject<true> {
    if (extra !== undefined) throw noTimeout("Lock.acquire()", extra);
    return new LockAcquire(this);
  }

  /**
   * Releases the lock and wakes the first waiter. Mirrors Lock.release().
   * @throws RuntimeError if the lock is not held.
   */
  release(): void {
    if (!this._locked) throw new RuntimeError("Lock is not acquired.");
    this._locked = false;
    this._holder = null;
    this._wakeUpFirst();
  }

  /** @internal Ordering: only the first waiter is woken; if it is done already, nobody. */
  _wakeUpFirst(): void {
    const waiters = this._waiters;
    if (waiters === null || waiters.length === 0) return;
    const fut = waiters[0];
    if (!fut.done()) fut.setResult(true);
  }

  /** @internal the lock's name in reports: "Lock#2"; a Condition's own lock is the condition's ("Condition#1") */
  _reportName(loop: BaseEventLoop): string {
    return this._condition !== null ? this._condition._reportName(loop) : reportName(loop, this);
  }

  /**
   * @internal for deadlock reports: waiting for this lock, `head` first
   * ("Lock#2.acquire()"), then who holds it: "..., held by Task-4 (acquired
   * at t=0)", an edge to that task
   */
  _heldInfo(head: string, name: string): WaitInfo {
    const holder = this._holder;
    if (!this._locked) return { text: `${head} (the lock is free)`, edges: NO_EDGES };
    if (holder === null) return { text: `${head}, held (acquired at t=${this._heldSince} outside any task)`, edges: NO_EDGES };
    const who = holder.getName();
    const gone = holder.done() ? `; ${who} finished without releasing it` : "";
    return {
      text: `${head}, held by ${who} (acquired at t=${this._heldSince}${gone})`,
      edges: [{ task: holder, via: `${name} (held by ${who})` }],
    };
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
export class LockAcquire extends CoroutineObject<true> implements Iterator<unknown, true, unknown>, WaitSource {
  private fut: WaiterFuture<boolean> | null = null;
  /** @internal reports only: the Condition whose wait() re-acquires the lock with this acquire */
  _for: Condition | null = null;

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
        noteHolder(lock);
        return iterResult(true, true);
      }
      if (lock._waiters === null) lock._waiters = [];
      const waiter = new WaiterFuture<boolean>(lock._getLoop(), "Lock.acquire()", this);
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
    noteHolder(lock);
    return iterResult(true, true);
  }

  /**
   * @internal for deadlock reports: "Lock#2.acquire(), held by Task-4
   * (acquired at t=0)", or in Condition.wait() "Condition#1.wait(), notified
   * and re-acquiring its lock, held by ..."
   */
  _waitInfo(fut: Future<unknown>): WaitInfo {
    const lock = this.lock;
    const name = lock._reportName(fut._loop);
    const cond = this._for;
    if (cond === null) return lock._heldInfo(`${name}.acquire()`, name);
    const what = lock._condition === cond ? "its lock" : name;
    return lock._heldInfo(`${cond._reportName(fut._loop)}.wait(), notified and re-acquiring ${what}`, name);
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

/** Reports only: the task acquiring `lock` right now, and the time. */
function noteHolder(lock: Lock): void {
  const loop = currentLoop();
  if (loop !== null) {
    lock._holder = loop._currentTask;
    lock._heldSince = loop.time();
  }
}
