/**
 * Future: asyncio.Future's state machine (PENDING -> FINISHED | CANCELLED).
 *
 * A Future is awaitable in both coroutine styles: `yield* fut` iterates it
 * (like `Future.__await__`: yield the future itself while pending, then return
 * its result), and `await fut` calls its `then`, which suspends the awaiting
 * task on it (see futures/task.ts for the async protocol).
 *
 * Ordering: done callbacks are never called directly; each is scheduled with
 * callSoon when the future completes, in registration order, so a waiter
 * resumes one loop iteration after the completion.
 */
import { CancelledError, InvalidStateError, RuntimeError, UsageError, withoutStack } from "../errors.js";
import { BaseEventLoop, registerTaskCallback } from "../loop/baseEventLoop.js";
import { currentLoop, requireEventLoop } from "../loop/running.js";
import { inspectCustom, pyTypeName, setPyName } from "../util/asyncioRepr.js";
import { pyRepr, reprlibRepr } from "../util/pyformat.js";
import { showValue } from "../util/showValue.js";
import type { Task } from "./task.js";
import type { WaitEdge, WaitInfo } from "../loop/deadlockReport.js";

export const PENDING = 0;
export const CANCELLED = 1;
export const FINISHED = 2;
/** FINISHED with an exception (kept in `_result`): asyncio's FINISHED state too. */
export const FAILED = 3;
const STATE_NAMES = ["PENDING", "CANCELLED", "FINISHED", "FINISHED"] as const;

export type DoneCallback<F> = (fut: F) => void;

/** A task (or anything) woken by a future without a closure: its done callback. */
export interface Waker {
  _wakeupFrom(fut: Future<unknown>): void;
  /** Schedules `_wakeupFrom(fut)` in the next iteration (as call_soon(task.__wakeup, fut)). */
  _scheduleWake(fut: Future<unknown>): void;
}
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type CallbackEntry = DoneCallback<any> | Waker;

/** The handle callback that wakes a task from a future (no closure per task). */
export function wake(waker: Waker, fut: Future<unknown>): void {
  waker._wakeupFrom(fut);
}
registerTaskCallback(wake);

/** Numbers for messages, given on first use, counted per loop (no field on every future). */
const futureIds = new WeakMap<object, number>();
const lastFutureId = new WeakMap<object, number>();

/** The futures whose repr is being computed: reprlib.recursive_repr's guard (a future whose result is itself). */
const inRepr = new Set<object>();

/** What futures stand for, for deadlock reports: kept aside, not a field on every future. */
const futureLabels = new WeakMap<object, string>();

/** The Future constructor's answer to a loop argument that is not an event loop. */
function badLoop(loop: unknown): never {
  throw new TypeError(`Future: loop must be an event loop (getRunningLoop(), newEventLoop()) or omitted (got ${showValue(loop)})`);
}

/**
 * Names what a future stands for, for deadlock reports and traces (a vloop
 * extra; asyncio has no such thing).
 * @example labelFuture(fut, "reply from the server"); // DeadlockError: "... waits on Future#3 (reply from the server)"
 */
export function labelFuture(fut: Future<unknown>, label: string): void {
  if (!(fut instanceof Future)) throw new TypeError(`labelFuture: a Future is required (got ${showValue(fut)})`);
  futureLabels.set(fut, label);
}

/**
 * A placeholder for a result that is not there yet. Mirrors asyncio.Future.
 * @example
 * const fut = getRunningLoop().createFuture<number>();
 * getRunningLoop().callLater(1, () => fut.setResult(42));
 * const v = yield* fut; // or: await fut
 */
export class Future<T = unknown> implements PromiseLike<T> {
  // Fields are few on purpose: every pending task and sleep is a Future.
  // They are declared here and set in the constructor rather than written as
  // class field initializers: a future is made per task and per sleep, and V8
  // makes an object with initializers (a define per field, through a separate
  // initializer function) more slowly. Measured with the base classes of the
  // hot objects (Future, CoroutineObject, Handle) and the per-run ones
  // (Prng, RandomPolicy, Runner, Choices) written this way: lost-update
  // exploration 1.3x faster (generator and async), also under tsx.
  // Subclasses (Task, SleepCoroutine, YieldOnce, GatheringFuture) keep one
  // field initializer on purpose: under esbuild's keepNames (tsx, and so
  // `npm run bench`), which redefines each class's `name`, V8 constructs
  // every instance of a subclass with no instance field through the runtime
  // (~400 ns each: lost-update exploration 4x slower, measured).
  /** @internal PENDING, CANCELLED, FINISHED, or FAILED (finished with an exception) */ declare _state: number;
  /** @internal the result, or the exception when FAILED */ declare _result: unknown;
  /** @internal null, one entry, or an array of entries, in registration order */
  declare _callbacks: CallbackEntry | CallbackEntry[] | null;
  /**
   * @internal the cancel message; on a Task, the CancelledError its coroutine
   * raised, until it is handed out (one field for both: the message is
   * always unset while the error is stored, as in CPython)
   */
  declare _cancel: string | CancelledError | undefined;

  /** @internal asyncio's _cancel_message */
  get _cancelMessage(): string | undefined {
    const c = this._cancel;
    return typeof c === "string" ? c : undefined;
  }
  /** @internal */ declare _loop: BaseEventLoop;

  /**
   * @internal true on lazy coroutine objects that are futures underneath
   * (sleep()): gather/createTask/wait treat them as coroutines. A prototype
   * property, so it costs no memory per future.
   */
  declare readonly _isCoroutine: boolean;

  /** Creates a pending future on the running loop (or the given one). */
  constructor(loop?: BaseEventLoop) {
    this._state = PENDING;
    this._result = undefined;
    this._callbacks = null;
    this._cancel = undefined;
    this._loop = loop === undefined ? requireEventLoop("Future()") : loop;
    // A user's `new Future(x)` (not a subclass: tasks and sleeps pass their own loop, or none yet)
    // is checked here, where a loop that is not one would otherwise fail later as an internal error.
    if (new.target === Future && !(loop === undefined || loop instanceof BaseEventLoop)) badLoop(loop);
  }

  /** Future.get_loop() */
  getLoop(): BaseEventLoop {
    return this._loop;
  }

  /** Future.done(): true once a result, an exception or a cancellation is set. */
  done(): boolean {
    return this._state !== PENDING;
  }

  /** Future.cancelled() */
  cancelled(): boolean {
    return this._state === CANCELLED;
  }

  /**
   * The result; throws the exception if one was set, a CancelledError if
   * cancelled, InvalidStateError if still pending. Mirrors Future.result().
   */
  result(): T {
    const state = this._state;
    if (state === FINISHED) return this._result as T;
    if (state === FAILED) throw this._result;
    if (state === CANCELLED) throw this._makeCancelledError();
    throw new InvalidStateError(`Result is not ready: ${this._repr()}`);
  }

  /** The exception, or undefined when none. Mirrors Future.exception(). */
  exception(): unknown {
    const state = this._state;
    if (state === FINISHED) return undefined;
    if (state === FAILED) return this._result;
    if (state === CANCELLED) throw this._makeCancelledError();
    throw new InvalidStateError(`Exception is not set: ${this._repr()}`);
  }

  /**
   * Marks the future done with a result and schedules its callbacks.
   * Mirrors Future.set_result().
   * @throws InvalidStateError naming the state if the future is already done.
   */
  setResult(value: T): void {
    if (this._state !== PENDING) {
      throw new InvalidStateError(`setResult: future is already ${STATE_NAMES[this._state]}: ${this._repr()}`);
    }
    this._result = value;
    this._state = FINISHED;
    this._scheduleCallbacks();
  }

  /**
   * Marks the future done with an exception and schedules its callbacks.
   * Mirrors Future.set_exception().
   * @throws InvalidStateError if already done; TypeError for undefined/null.
   */
  setException(error: unknown): void {
    if (this._state !== PENDING) {
      throw new InvalidStateError(`setException: future is already ${STATE_NAMES[this._state]}: ${this._repr()}`);
    }
    if (error === undefined || error === null) {
      throw new TypeError(`setException: the exception must not be ${error}: ${this._repr()}`);
    }
    this._result = error;
    this._state = FAILED;
    this._scheduleCallbacks();
  }

  /**
   * Cancels the future and schedules its callbacks; false if already done.
   * Mirrors Future.cancel(msg).
   */
  cancel(msg?: string): boolean {
    if (this._state !== PENDING) return false;
    this._state = CANCELLED;
    this._cancel = msg;
    this._scheduleCallbacks();
    return true;
  }

  /**
   * Calls `fn(this)` in a later loop iteration once the future is done.
   * Mirrors Future.add_done_callback().
   */
  addDoneCallback(fn: DoneCallback<this>): void {
    if (typeof fn !== "function") throw new TypeError(`addDoneCallback: expected a function (got ${typeof fn})`);
    if (this._state !== PENDING) {
      this._loop._checkClosed(); // as call_soon on a closed loop
      this._scheduleEntry(fn);
    } else this._addEntry(fn);
  }

  /** @internal Task.__wakeup as a done callback, without a closure per task. */
  _addWaker(waker: Waker): void {
    if (this._state !== PENDING) this._scheduleEntry(waker);
    else this._addEntry(waker);
  }

  private _addEntry(entry: CallbackEntry): void {
    const cbs = this._callbacks;
    if (cbs === null) this._callbacks = entry;
    else if (Array.isArray(cbs)) cbs.push(entry);
    else this._callbacks = [cbs, entry];
  }

  private _scheduleEntry(entry: CallbackEntry): void {
    if (typeof entry === "function") this._loop._callSoon(entry, 1, this);
    else entry._scheduleWake(this);
  }

  /** @internal true if `fn` is the most recently added done callback (gather's duplicate check). */
  _lastCallbackIs(fn: DoneCallback<never> | Waker): boolean {
    const cbs = this._callbacks;
    if (cbs === null) return false;
    return Array.isArray(cbs) ? cbs[cbs.length - 1] === fn : cbs === fn;
  }

  /** Removes every registration of `fn`; returns how many. Mirrors Future.remove_done_callback(). */
  removeDoneCallback(fn: DoneCallback<this>): number {
    const cbs = this._callbacks;
    if (cbs === null) return 0;
    if (!Array.isArray(cbs)) {
      if (cbs !== fn) return 0;
      this._callbacks = null;
      return 1;
    }
    const kept = cbs.filter((cb) => cb !== fn);
    const removed = cbs.length - kept.length;
    if (removed > 0) this._callbacks = kept.length === 0 ? null : kept.length === 1 ? kept[0] : kept;
    return removed;
  }

  /**
   * @internal Ordering: each callback gets its own callSoon, in registration order.
   * On a closed loop call_soon raises "Event loop is closed": the future is
   * done, its callbacks are dropped, and the error goes to whoever completed
   * it (as in CPython; with no callbacks there is nothing to schedule, and no error).
   */
  _scheduleCallbacks(): void {
    if (this._loop._tracer !== null) this._loop._noteResolved(this, this._repr());
    const cbs = this._callbacks;
    if (cbs === null) return;
    this._callbacks = null;
    if (this._loop._closed) throw new RuntimeError("Event loop is closed");
    if (!Array.isArray(cbs)) {
      this._scheduleEntry(cbs);
      return;
    }
    for (let i = 0; i < cbs.length; i++) this._scheduleEntry(cbs[i]);
  }

  /** @internal Future._make_cancelled_error (a Task may hand out its coroutine's own error first) */
  _makeCancelledError(): CancelledError {
    const message = this._cancelMessage;
    return withoutStack(() => new CancelledError(message));
  }

  /** @internal what this future is, for error messages */
  _repr(): string {
    const l = this._describe();
    const label = l === undefined ? "" : ` ${l}`;
    return `<Future#${this._idForMessages()}${label} ${STATE_NAMES[this._state].toLowerCase()}>`;
  }

  /**
   * asyncio's repr: `<Future pending>`, `<Future finished result=42>`,
   * `<Future finished exception=ValueError('boom')>`, `<Future cancelled>`;
   * without the callbacks CPython lists (see util/asyncioRepr.ts for what
   * vloop leaves out). A Task adds its name and what it waits on, and says
   * "cancelling" while a cancellation is pending. Mirrors Future.__repr__ and
   * Task.__repr__. vloop's error messages name futures by number instead
   * (`<Future#3 pending>`), to tell them apart.
   * @example
   * fut.setResult(42);
   * String(fut); // "<Future finished result=42>"
   * String(task); // "<Task pending name='worker' wait_for=<Future pending>>"
   */
  toString(): string {
    if (inRepr.has(this)) return "..."; // reprlib.recursive_repr
    inRepr.add(this);
    try {
      return `<${pyTypeName(this)} ${this._reprInfo().join(" ")}>`;
    } finally {
      inRepr.delete(this);
    }
  }

  /** What Node's util.inspect (and console.log) prints: toString(). */
  [inspectCustom](): string {
    return this.toString();
  }

  /** @internal asyncio's _future_repr_info, less the callbacks and the creation site */
  _reprInfo(): string[] {
    const state = this._state;
    if (state === PENDING) return ["pending"];
    if (state === CANCELLED) return ["cancelled"];
    if (state === FAILED) return ["finished", `exception=${pyRepr(this._result)}`];
    return ["finished", `result=${reprlibRepr(this._result)}`];
  }

  /** @internal what this future stands for ("sleep(1)", "Lock.acquire()"), for messages */
  _describe(): string | undefined {
    return futureLabels.get(this);
  }

  /**
   * @internal what awaiting this future means, for deadlock reports:
   * "Future#3", or with its label "Future#3 (reply from the server)"; no
   * task is known to complete it
   */
  _awaitedInfo(): WaitInfo {
    const label = this._describe();
    const name = `Future#${this._idForMessages()}`;
    return { text: label === undefined ? name : `${name} (${label})`, edges: NO_EDGES };
  }

  /** @internal a stable number for messages, given on first use */
  _idForMessages(): number {
    let id = futureIds.get(this);
    if (id === undefined) {
      const loop = this._loop ?? futureIds;
      id = (lastFutureId.get(loop) ?? 0) + 1;
      lastFutureId.set(loop, id);
      futureIds.set(this, id);
    }
    return id;
  }

  /** Generator style: `const v = yield* fut`. Like Future.__await__. */
  [Symbol.iterator](): Generator<unknown, T, unknown> {
    return new FutureIterator(this) as unknown as Generator<unknown, T, unknown>;
  }

  /**
   * Async style: `const v = await fut`. Inside a task's async body this
   * suspends the task on the future, exactly like `await fut` in Python.
   * Outside a running loop it returns a native Promise settled when the
   * future is done (rejected at once with "Event loop is closed" if it is
   * pending and its loop is closed, as nothing can complete it). Do not chain or combine vloop awaitables with
   * Promise.all/race inside a task: use gather / wait.
   */
  then<A = T, B = never>(
    onFulfilled?: ((value: T) => A | PromiseLike<A>) | null,
    onRejected?: ((reason: unknown) => B | PromiseLike<B>) | null,
  ): PromiseLike<A | B> {
    return awaitFuture(this, onFulfilled, onRejected) as PromiseLike<A | B>;
  }
}

(Future.prototype as { _isCoroutine: boolean })._isCoroutine = false;
setPyName(Future, "Future");

/**
 * asyncio's `_asyncio_future_blocking`, kept once instead of on every
 * future: an awaitable's iterator marks the future it is about to yield
 * (`yield* fut`), and the task checks the mark on the value it receives. A
 * future yielded bare (`yield fut`, a mistake) is not marked. Nothing runs
 * between the two, so one slot is enough.
 */
let blockingFuture: Future<unknown> | null = null;

/** @internal an awaitable is about to yield `fut` to its task */
export function markBlocking(fut: Future<unknown>): void {
  blockingFuture = fut;
}

/** @internal was `fut` yielded through an awaitable? (clears the mark) */
export function takeBlocking(fut: Future<unknown>): boolean {
  const marked = blockingFuture === fut;
  blockingFuture = null;
  return marked;
}

/** @internal a wait no particular task can end (an Event, a Queue, a user's future) */
export const NO_EDGES: readonly WaitEdge[] = [];

/**
 * @internal What a primitive's waiter future stands for in deadlock reports:
 * the Lock, Queue, ... it belongs to (or wait(), a TaskGroup), which knows
 * its name, its state and who holds it.
 */
export interface WaitSource {
  /** "Lock#2.acquire(), held by Task-4 (acquired at t=0)", and the tasks that could end the wait */
  _waitInfo(fut: Future<unknown>): WaitInfo;
}

/**
 * @internal A future that a primitive (or wait(), a TaskGroup) makes for a
 * task to wait on: its label says what it waits for in traces and messages
 * ("Lock.acquire()"; none: `<Future#3 pending>`, as a plain future), its
 * source describes it in deadlock reports. Two fields, no side table.
 */
export class WaiterFuture<T = unknown> extends Future<T> {
  constructor(
    loop: BaseEventLoop,
    private readonly _label: string | undefined,
    private readonly _source: WaitSource,
  ) {
    super(loop);
  }

  override _describe(): string | undefined {
    return this._label;
  }

  override _awaitedInfo(): WaitInfo {
    return this._source._waitInfo(this);
  }
}
setPyName(WaiterFuture, "Future");

/** A future proper (not a lazy coroutine that is a future underneath, such as sleep()). */
export function isFuture(x: unknown): x is Future<unknown> {
  return x instanceof Future && !x._isCoroutine;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Settle = ((v: any) => unknown) | null | undefined;

/** @internal settle an awaiter right away from a done future (no suspension). */
export function settleNow(fut: Future<unknown>, ok: Settle, err: Settle): void {
  let value: unknown;
  try {
    value = fut.result();
  } catch (e) {
    if (err) err(e);
    return;
  }
  if (ok) ok(value);
}

/**
 * @internal The async-style await protocol for futures. The running loop's
 * `_asyncWaiter` is the task whose async body is running right now; a then()
 * arriving then is that body's `await`.
 */
function awaitFuture(fut: Future<unknown>, ok: Settle, err: Settle): PromiseLike<unknown> | undefined {
  const loop = currentLoop();
  if (loop !== null) {
    const waiter = loop._asyncWaiter as Task<unknown> | null;
    if (waiter !== null) {
      if (fut._loop !== loop) {
        if (fut._loop._closed) {
          // Not the waiter's await: a body of a run that is over (see madeInEndedRun).
          if (err) err(madeInEndedRun(fut._repr()));
          return undefined;
        }
      } else if (fut._state !== PENDING) {
        // Awaiting a done future does not suspend (Future.__await__ returns at once).
        settleNow(fut, ok, err);
        return undefined;
      }
      waiter._asyncPark(fut, ok, err, null, false);
      return undefined;
    }
    if (loop._resumePending !== null) throw misuse(loop, fut._repr());
  }
  return bridge(fut).then(ok, err);
}

/**
 * @internal The error for awaiting, in a run, an awaitable made in another
 * run that is over. Only a body that outlived its run does that: typically an
 * async body that runSync refused (runSync learns that a coroutine is an
 * async function only by calling it, and the body runs on in microtasks).
 * Its await arrives while another run's task may be the async waiter, and
 * must not be taken for that task's own.
 */
export function madeInEndedRun(what: string): RuntimeError {
  return new RuntimeError(
    `${what} was made in a run that is over (its loop is closed) and cannot be awaited in another run: ` +
      `was it awaited by an async body that runSync refused, or that outlived its run?`,
  );
}

/** @internal the error for a then() that is not a task's own await */
export function misuse(loop: BaseEventLoop, what: string): UsageError {
  const task = loop._resumePending ?? loop._currentTask;
  const error = new UsageError(
    `task ${task ? task.getName() : "?"} awaited ${what} while it was already suspended on something else: ` +
      `a task can await one thing at a time. Do not pass vloop awaitables to Promise.all/Promise.race ` +
      `or leave an async function running unawaited; use gather(), wait() or createTask() instead`,
  );
  loop._fatal(error);
  return error;
}

/** @internal A native Promise settled when `fut` is done (for awaits outside any task). */
function bridge<T>(fut: Future<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    if (fut.done()) settleNow(fut, resolve, reject);
    else if (fut._loop !== null && fut._loop._closed) {
      // Its done callbacks can never be scheduled (setResult would raise "Event loop is closed"):
      // waiting for them would be a promise that never settles, and a process that ends with status 0.
      reject(new RuntimeError(`Event loop is closed: ${fut._repr()} is pending and its loop can no longer complete it (was its run over before it was awaited?)`));
    } else fut.addDoneCallback(() => settleNow(fut, resolve, reject));
  });
}

/**
 * The iterator behind `yield* fut` (Future.__await__): the first next()
 * yields the future itself if it is pending (marking it "blocking", which the
 * task checks), the next one returns the result.
 */
class FutureIterator<T> {
  private started = false;
  constructor(private readonly fut: Future<T>) {}

  next(): IteratorResult<unknown, T> {
    const fut = this.fut;
    if (!this.started) {
      this.started = true;
      if (fut._state === PENDING) {
        markBlocking(fut);
        return { done: false, value: fut };
      }
    } else if (fut._state === PENDING) {
      throw new RuntimeError(`await wasn't used with future ${fut._repr()}`);
    }
    return { done: true, value: fut.result() };
  }

  throw(error: unknown): IteratorResult<unknown, T> {
    this.started = true;
    throw error;
  }

  return(value: T): IteratorResult<unknown, T> {
    this.started = true;
    return { done: true, value };
  }

  [Symbol.iterator](): this {
    return this;
  }
}
