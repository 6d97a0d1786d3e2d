/**
 * Event: asyncio.Event. set() wakes every waiter at once (each resumes one
 * iteration later, in the order they started waiting), and a clear() right
 * after set() does not take the wake-up back.
 */
import { type CoroutineObject, GenCoroutine } from "../futures/coroutine.js";
import { type Future, NO_EDGES, WaiterFuture, type WaitSource } from "../futures/future.js";
import type { WaitInfo } from "../loop/deadlockReport.js";
import { lockRepr, setPyName, waitersSuffix } from "../util/asyncioRepr.js";
import { reportName } from "../util/reportNames.js";
import { LoopBound, removeItem } from "./loopBound.js";
import { extraArgument, noTimeout } from "../util/args.js";

/**
 * A flag tasks can wait for. Mirrors asyncio.Event.
 * @example
 * const ready = new Event();
 * createTask(function* () { yield* ready.wait(); log("go"); }());
 * ready.set();
 */
export class Event extends LoopBound implements WaitSource {
  /** @internal */ readonly _waiters: Future<boolean>[] = [];
  /** @internal */ _value = false;
  /** @internal what a wait on this event is in traces and reports, when it is a Queue's join(): the queue */
  _reportAs: (WaitSource & { readonly _waitLabel: string }) | null = null;

  constructor();
  constructor(extra?: unknown) {
    super();
    if (extra !== undefined) throw extraArgument("Event()", "no arguments", extra);
  }

  /** Mirrors Event.is_set(). */
  isSet(): boolean {
    return this._value;
  }

  /** Sets the flag and wakes every waiter. Mirrors Event.set(). */
  set(): void {
    if (!this._value) {
      this._value = true;
      // Ordering: every waiter at once, in the order they started waiting
      // (each resumes one iteration later, through its future's callback).
      for (const fut of this._waiters) if (!fut.done()) fut.setResult(true);
    }
  }

  /** Resets the flag. Mirrors Event.clear(). */
  clear(): void {
    this._value = false;
  }

  /**
   * Waits until the flag is set (at once if it is); resolves to true. Mirrors Event.wait().
   * @throws TypeError for an argument (asyncio's Event.wait takes no timeout).
   */
  wait(): CoroutineObject<true>;
  wait(extra?: unknown): CoroutineObject<true> {
    if (extra !== undefined) throw noTimeout("Event.wait()", extra);
    return new GenCoroutine(() => this._wait(), "Event.wait()");
  }

  private *_wait(): Generator<unknown, true, unknown> {
    if (this._value) return true;
    const as = this._reportAs;
    const fut = new WaiterFuture<boolean>(this._getLoop(), as === null ? "Event.wait()" : as._waitLabel, as ?? this);
    this._waiters.push(fut);
    try {
      yield* fut;
      return true;
    } finally {
      removeItem(this._waiters, fut);
    }
  }

  /** @internal for deadlock reports: "Event#1.wait()" (set() would end it) */
  _waitInfo(fut: Future<unknown>): WaitInfo {
    return { text: `${reportName(fut._loop, this)}.wait()`, edges: NO_EDGES };
  }

  /**
   * asyncio's repr, without the address (see util/asyncioRepr.ts): set or
   * unset, and how many tasks wait. Mirrors Event.__repr__.
   * @example String(event); // "<asyncio.locks.Event object [unset, waiters:1]>"
   */
  override toString(): string {
    return lockRepr(this, (this._value ? "set" : "unset") + waitersSuffix(this._waiters));
  }
}
setPyName(Event, "asyncio.locks.Event");
