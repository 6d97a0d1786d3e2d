/**
 * timeout() / timeoutAt(): asyncio.timeouts (3.12), rule for rule.
 *
 * Entering schedules `_onTimeout` at the deadline (with callSoon if the
 * deadline is not in the future). When it fires it cancels the task and the
 * state becomes "expiring"; on exit, only that scope converts the
 * CancelledError into TimeoutError, and only if the task's cancellation count
 * drops back to what it was on entry (so an outside cancel arriving in the
 * same window still propagates as CancelledError).
 */
import { CancelledError, RuntimeError, TimeoutError } from "../errors.js";
import type { Task } from "../futures/task.js";
import type { Handle } from "../loop/handle.js";
import { requireLoop } from "../loop/running.js";
import { inspectCustom } from "../util/asyncioRepr.js";
import { pyFloat, pyRound } from "../util/pyformat.js";
import type { AsyncContextManager } from "./asyncWith.js";
import { showTyped } from "../util/showValue.js";
import { extraArgument } from "../util/args.js";

type State = "created" | "active" | "expiring" | "expired" | "finished";

/** True for a CancelledError itself, not a subclass (Python's `exc_type is CancelledError`). */
export function isExactlyCancelled(exc: unknown): boolean {
  return exc instanceof CancelledError && Object.getPrototypeOf(exc) === CancelledError.prototype;
}

/** A deadline or delay: null, or any number but NaN (an infinite one is accepted, as CPython does). */
function checkWhen(what: string, when: unknown): void {
  if (when !== null && (typeof when !== "number" || Number.isNaN(when))) {
    throw new TypeError(`${what} must be a number other than NaN, or null for no deadline (got ${showTyped(when)})`);
  }
}

/**
 * A cancellation scope with a deadline. Mirrors asyncio.Timeout; use it with
 * asyncWith(timeout(delay), body).
 */
export class Timeout implements AsyncContextManager<Timeout> {
  private _state: State = "created";
  private _handler: Handle | null = null;
  private _task: Task<unknown> | null = null;
  private _cancelling = 0;

  /** Use timeout() or timeoutAt() instead. */
  constructor(private _when: number | null) {
    checkWhen("Timeout: when", _when);
  }

  /** The current deadline (loop time), or null for none. Mirrors Timeout.when(). */
  when(): number | null {
    return this._when;
  }

  /**
   * Moves the deadline (null: no deadline). Mirrors Timeout.reschedule().
   * @throws RuntimeError unless the timeout is active (entered, not expired or exited).
   */
  reschedule(when: number | null): void {
    checkWhen("Timeout.reschedule: when", when);
    if (this._state !== "active") {
      if (this._state === "created") throw new RuntimeError("Timeout has not been entered");
      throw new RuntimeError(`Cannot change state of ${this._state} Timeout`);
    }
    this._when = when;
    if (this._handler !== null) this._handler.cancel();
    if (when === null) {
      this._handler = null;
    } else {
      const loop = requireLoop("Timeout.reschedule()");
      const onTimeout = (): void => this._onTimeout();
      // Ordering: a deadline not in the future fires in the next iteration
      // (callSoon), otherwise as a timer at `when`, as CPython's reschedule.
      this._handler = when <= loop.time() ? loop._callSoon(onTimeout, 0) : loop._callAt(when, onTimeout, 0);
    }
  }

  /** True once the deadline passed inside the scope. Mirrors Timeout.expired(). */
  expired(): boolean {
    return this._state === "expiring" || this._state === "expired";
  }

  /** `__aenter__` */
  *aenter(): Generator<unknown, Timeout, unknown> {
    if (this._state !== "created") throw new RuntimeError("Timeout has already been entered");
    const loop = requireLoop("timeout");
    const task = loop._currentTask as Task<unknown> | null;
    if (task === null) throw new RuntimeError("Timeout should be used inside a task");
    this._state = "active";
    this._task = task;
    this._cancelling = task.cancelling();
    this.reschedule(this._when);
    return this;
  }

  /** `__aexit__`: converts the expiry's CancelledError into TimeoutError. */
  *aexit(exc: unknown): Generator<unknown, boolean, unknown> {
    if (this._handler !== null) {
      this._handler.cancel();
      this._handler = null;
    }
    if (this._state === "expiring") {
      this._state = "expired";
      if ((this._task as Task<unknown>).uncancel() <= this._cancelling && isExactlyCancelled(exc)) {
        throw new TimeoutError("", { cause: exc });
      }
    } else if (this._state === "active") {
      this._state = "finished";
    }
    return false;
  }

  private _onTimeout(): void {
    (this._task as Task<unknown>).cancel();
    this._state = "expiring";
    this._handler = null;
  }

  /**
   * asyncio's repr: the state, and while active the deadline rounded to 3
   * places, always printed as a float (`when=10.0`, `when=None`; see
   * util/asyncioRepr.ts). Mirrors Timeout.__repr__.
   * @example String(timeout(10)); // "<Timeout [created]>"; inside the scope at t=0: "<Timeout [active] when=10.0>"
   */
  toString(): string {
    if (this._state !== "active") return `<Timeout [${this._state}]>`;
    const when = this._when === null ? "None" : pyFloat(pyRound(this._when, 3));
    return `<Timeout [active] when=${when}>`;
  }

  /** What Node's util.inspect (and console.log) prints: toString(). */
  [inspectCustom](): string {
    return this.toString();
  }
}

/** What timeout() and timeoutAt() say to a body given as their second argument. */
const SCOPE_HINT = "a Timeout is an async context manager: run the body in it with asyncWith(timeout(1), body)";

/**
 * A Timeout expiring `delay` seconds from now (null: never). Mirrors asyncio.timeout().
 * @throws TypeError for a delay that is not a number or null, or for a second argument.
 * @example
 * await asyncWith(timeout(10), async () => { await longWork(); }); // TimeoutError after 10s
 */
export function timeout(delay: number | null): Timeout;
export function timeout(delay: number | null, extra?: unknown): Timeout {
  if (extra !== undefined) throw extraArgument("timeout()", "one argument, the delay", extra, SCOPE_HINT);
  checkWhen("timeout: delay", delay);
  const loop = requireLoop("timeout()");
  return new Timeout(delay === null ? null : loop.time() + delay);
}

/**
 * A Timeout expiring at loop time `when` (null: never). Mirrors asyncio.timeout_at().
 * @throws TypeError for a second argument.
 * @example
 * yield* asyncWith(timeoutAt(getRunningLoop().time() + 5), function* () { yield* work(); });
 */
export function timeoutAt(when: number | null): Timeout;
export function timeoutAt(when: number | null, extra?: unknown): Timeout {
  if (extra !== undefined) throw extraArgument("timeoutAt()", "one argument, the deadline", extra, SCOPE_HINT);
  return new Timeout(when);
}
