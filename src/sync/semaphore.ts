/**
 * Semaphore and BoundedSemaphore: asyncio's (3.12). Ordering: strict FIFO;
 * release() hands the unit to the first live waiter at once (decrementing the
 * value for it), and a woken waiter that is cancelled gives the unit back
 * and wakes the next one.
 *
 * asyncio's Semaphore does not know who holds its units. vloop keeps a list
 * of the tasks that acquired one, for deadlock reports only ("held by
 * Task-2, Task-3"): never more entries than units taken (the initial value
 * minus the value), a release drops the releasing task's entry (or the
 * oldest), so a semaphore used as a signal (release here, acquire there)
 * keeps none.
 */
import { CancelledError, ValueError } from "../errors.js";
import { type CoroutineObject, GenCoroutine } from "../futures/coroutine.js";
import { type Future, WaiterFuture, type WaitSource } from "../futures/future.js";
import type { AsyncContextManager } from "../asyncio/asyncWith.js";
import type { LoopTask } from "../loop/baseEventLoop.js";
import type { WaitEdge, WaitInfo } from "../loop/deadlockReport.js";
import { currentLoop } from "../loop/running.js";
import { lockRepr, setPyName, waitersSuffix } from "../util/asyncioRepr.js";
import { nameList, reportName } from "../util/reportNames.js";
import { LoopBound, removeItem } from "./loopBound.js";
import { showTyped } from "../util/showValue.js";
import { pyRepr } from "../util/pyformat.js";
import { extraArgument, noTimeout } from "../util/args.js";

/**
 * A counter of available units. Mirrors asyncio.Semaphore.
 * Any number >= 0 is a value, as in CPython, with CPython's arithmetic: a
 * fractional one (1.5) or Infinity is taken one unit at a time and is
 * "locked" only at exactly 0, so Semaphore(1.5) lets every acquire() through.
 * NaN is refused (CPython takes it and never locks; here it is named as the mistake it is).
 * @throws ValueError for a negative or NaN initial value; TypeError for one that is not a number.
 * @example
 * const sem = new Semaphore(2);
 * yield* asyncWith(sem, function* () { yield* sleep(1); });
 */
export class Semaphore extends LoopBound implements AsyncContextManager<undefined>, WaitSource {
  /** @internal */ _waiters: Future<boolean>[] | null = null;
  /** @internal */ _value: number;
  /** @internal the initial value (BoundedSemaphore's bound) */ readonly _initial: number;
  /** @internal reports only: the tasks holding a unit, oldest first (see the file's header) */
  _holders: LoopTask[] | null = null;

  constructor(value?: number);
  constructor(value = 1, extra?: unknown) {
    super();
    if (extra !== undefined) throw extraArgument(`${new.target.name}()`, "one argument, the initial value", extra);
    if (typeof value !== "number") {
      throw new TypeError(`${new.target.name}: initial value must be a number (got ${showTyped(value)})`);
    }
    if (value < 0) throw new ValueError("Semaphore initial value must be >= 0");
    if (Number.isNaN(value)) throw new ValueError(`${new.target.name}: initial value must be a number >= 0 (got NaN)`);
    this._value = value;
    this._initial = value;
  }

  /** True if acquire() would wait. Mirrors Semaphore.locked(). */
  locked(): boolean {
    return this._value === 0 || (this._waiters !== null && this._waiters.some((w) => !w.cancelled()));
  }

  /**
   * Takes a unit, waiting in line if none is free; resolves to true. Mirrors Semaphore.acquire().
   * @throws TypeError for an argument (asyncio's Semaphore.acquire takes no timeout).
   */
  acquire(): CoroutineObject<true>;
  acquire(extra?: unknown): CoroutineObject<true> {
    if (extra !== undefined) throw noTimeout("Semaphore.acquire()", extra);
    return new GenCoroutine(() => this._acquire(), "Semaphore.acquire()");
  }

  /** @internal */
  *_acquire(): Generator<unknown, true, unknown> {
    if (!this.locked()) {
      this._value--;
      this._noteAcquired();
      return true;
    }
    if (this._waiters === null) this._waiters = [];
    const fut = new WaiterFuture<boolean>(this._getLoop(), "Semaphore.acquire()", this);
    this._waiters.push(fut);
    try {
      try {
        yield* fut;
      } finally {
        removeItem(this._waiters, fut);
      }
    } catch (error) {
      if (error instanceof CancelledError && !fut.cancelled()) {
        // Woken, then cancelled before running: give the unit back.
        this._value++;
        this._wakeUpNext();
      }
      throw error;
    }
    if (this._value > 0) this._wakeUpNext();
    this._noteAcquired();
    return true;
  }

  /** Returns a unit and wakes the first waiter. Mirrors Semaphore.release(). */
  release(): void {
    this._value++;
    this._noteReleased();
    this._wakeUpNext();
  }

  /** Reports only: the current task took a unit. */
  private _noteAcquired(): void {
    const loop = currentLoop();
    const task = loop === null ? null : loop._currentTask;
    if (task === null) return;
    const holders = (this._holders ??= []);
    holders.push(task);
    // no more holders than units taken (a unit released by a task that did not take it)
    while (holders.length > Math.max(0, this._initial - this._value)) holders.shift();
  }

  /** Reports only: a unit came back: from the releasing task if it holds one, else from the oldest holder. */
  private _noteReleased(): void {
    const holders = this._holders;
    if (holders === null || holders.length <= Math.max(0, this._initial - this._value)) return;
    const loop = currentLoop();
    const i = loop === null || loop._currentTask === null ? -1 : holders.lastIndexOf(loop._currentTask);
    holders.splice(i < 0 ? 0 : i, 1);
  }

  /**
   * @internal for deadlock reports: "Semaphore#1.acquire() (value 0, held
   * by Task-2, Task-3)", an edge to each holder
   */
  _waitInfo(fut: Future<unknown>): WaitInfo {
    const name = reportName(fut._loop, this);
    const holders = this._holders ?? [];
    const names = holders.map((t) => (t.done() ? `${t.getName()} (finished)` : t.getName()));
    const held = holders.length === 0 ? "no task holds it" : `held by ${nameList(names)}`;
    const via = `${name} (${held})`;
    const edges: WaitEdge[] = holders.map((task) => ({ task, via }));
    return { text: `${name}.acquire() (value ${this._value}, ${held})`, edges };
  }

  /** Ordering: the first waiter that is not done gets the unit. */
  private _wakeUpNext(): void {
    if (this._waiters === null) return;
    for (const fut of this._waiters) {
      if (!fut.done()) {
        this._value--;
        fut.setResult(true);
        return;
      }
    }
  }

  /** `async with sem:` acquires... */
  *aenter(): Generator<unknown, undefined, unknown> {
    yield* this._acquire();
    return undefined;
  }

  /** ... and releases. */
  *aexit(): Generator<unknown, boolean, unknown> {
    this.release();
    return false;
  }

  /**
   * asyncio's repr, without the address (see util/asyncioRepr.ts): locked,
   * or unlocked with its value, and how many tasks wait. Mirrors Semaphore.__repr__.
   * @example String(new Semaphore(2)); // "<asyncio.locks.Semaphore object [unlocked, value:2]>"
   */
  override toString(): string {
    const state = this.locked() ? "locked" : `unlocked, value:${pyRepr(this._value)}`;
    return lockRepr(this, state + waitersSuffix(this._waiters));
  }
}
setPyName(Semaphore, "asyncio.locks.Semaphore");

/**
 * A Semaphore that refuses to be released above its initial value.
 * Mirrors asyncio.BoundedSemaphore.
 * @throws ValueError from release() when over-released.
 */
export class BoundedSemaphore extends Semaphore {

  /**
   * Returns a unit. Mirrors BoundedSemaphore.release().
   * @throws ValueError if that would raise the value above its initial value.
   */
  override release(): void {
    if (this._value >= this._initial) throw new ValueError("BoundedSemaphore released too many times");
    super.release();
  }
}
setPyName(BoundedSemaphore, "asyncio.locks.BoundedSemaphore");
