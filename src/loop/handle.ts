/**
 * Handles: a callback with its arguments, queued on the loop's ready queue
 * (Handle) or its timer heap (TimerHandle). asyncio.events.Handle / TimerHandle.
 */
import type { BaseEventLoop } from "./baseEventLoop.js";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Callback = (...args: any[]) => void;

/**
 * @internal What the ready queue holds: something the loop can run. A
 * Handle, or an object that is its own timer (sleep()'s coroutine).
 */
export interface Runnable {
  /** the callback; null once cancelled */
  _fn: Callback | null;
  /** the first argument (for a task step: the task) */
  readonly _a0: unknown;
  readonly _cancelled: boolean;
  _run(): void;
  describe(): string;
}

/** @internal What the timer heap holds: a Runnable with a deadline. */
export interface TimerLike extends Runnable {
  _when: number;
  /** insertion number, negated while out of the heap (see TimerHandle) */
  _seq: number;
  _scheduled: boolean;
  readonly _id: number;
  /** what firing the timer does: "wake sleep(1)", "callback onTimeout" */
  describeTimer(): string;
}

/** asyncio.Handle: returned by callSoon; `cancel()` stops the callback from running. */
export class Handle {
  // `declare`: the constructor sets every field, and a declared field without
  // it would be defined (as undefined) first, a second store per field per
  // handle (see Future's constructor)
  /** @internal */ declare _fn: Callback | null;
  /** @internal the first argument, or all of them (an array) when `_argc` is -1 */ declare _a0: unknown;
  /** @internal */ declare _a1: unknown;
  /** @internal number of arguments, or -1 when they are an array in `_a0` */ declare _argc: number;

  /** @internal use loop.callSoon */
  constructor(fn: Callback, argc: number, a0: unknown, a1: unknown) {
    this._fn = fn;
    this._argc = argc;
    this._a0 = a0;
    this._a1 = a1;
  }

  /** Handle.cancel(): the callback will not run. Cancelling twice is harmless. */
  cancel(): void {
    if (this._fn !== null) {
      // As CPython does outside debug mode: drop the references at once.
      // A null callback is what marks the handle cancelled (no extra field).
      this._fn = null;
      this._a0 = this._a1 = null;
    }
  }

  /** Handle.cancelled() */
  cancelled(): boolean {
    return this._fn === null;
  }

  /** @internal */
  get _cancelled(): boolean {
    return this._fn === null;
  }

  /** @internal Handle._run: the only place a callback is called (from runOnce). */
  _run(): void {
    const fn = this._fn as Callback;
    switch (this._argc) {
      case 0:
        fn();
        return;
      case 1:
        fn(this._a0);
        return;
      case 2:
        fn(this._a0, this._a1);
        return;
      default:
        fn(...(this._a0 as unknown[]));
    }
  }

  /** A short description for traces and deadlock reports. */
  describe(): string {
    const fn = this._fn;
    if (fn === null) return "<cancelled handle>";
    const shown = fn === onBehalf ? (this._a0 as { readonly fn: Callback }).fn : fn;
    return `callback ${shown.name || "<anonymous>"}`;
  }
}

/**
 * The one callback that runs another on behalf of something (the simulated
 * network's callbacks of a host: net/selectorLoop.ts), with that call as its
 * argument: a handle running it is described by the callback it runs.
 */
let onBehalf: Callback | null = null;

/** @internal registers the callback of calls made on behalf of a host (see onBehalf). */
export function registerOnBehalf(fn: Callback): void {
  onBehalf = fn;
}

/**
 * @internal A timer's insertion number carries its `_scheduled` flag in its
 * sign (positive while in the heap), so the flag costs no field.
 */
export function scheduledSeq(seq: number, on: boolean): number {
  return on ? Math.abs(seq) : -Math.abs(seq);
}

/** asyncio.TimerHandle: a handle with a deadline, kept in the loop's timer heap. */
export class TimerHandle extends Handle {
  /** @internal */ readonly _loop: BaseEventLoop;
  /** @internal the deadline in virtual seconds */ _when: number;
  /**
   * @internal insertion number (fifo tie-break, traces), stored negated
   * while the timer is out of the heap: the sign is the `_scheduled` flag.
   */
  _seq: number;

  /** @internal true while the handle is in the heap (asyncio's `_scheduled`) */
  get _scheduled(): boolean {
    return this._seq > 0;
  }
  /** @internal */
  set _scheduled(on: boolean) {
    this._seq = scheduledSeq(this._seq, on);
  }

  /** @internal the timer's number, for traces */
  get _id(): number {
    return Math.abs(this._seq);
  }

  /** @internal use loop.callAt / loop.callLater */
  constructor(loop: BaseEventLoop, when: number, seq: number, fn: Callback, argc: number, a0: unknown, a1: unknown) {
    super(fn, argc, a0, a1);
    this._loop = loop;
    this._when = when;
    this._seq = -seq; // not in the heap yet
  }

  /** @internal what firing the timer does, for reports */
  describeTimer(): string {
    return this.describe();
  }

  /** TimerHandle.when(): the deadline, in the loop's virtual seconds. */
  when(): number {
    return this._when;
  }

  /**
   * TimerHandle.cancel(). Ordering: a cancelled timer stays in the heap and is
   * dropped lazily, as CPython does; the loop counts it only while it is
   * still scheduled (the count drives the heap clean-up in runOnce).
   */
  override cancel(): void {
    if (this._fn !== null) this._loop._timerHandleCancelled(this);
    super.cancel();
  }
}
