/**
 * Task: a coroutine driven by the loop. asyncio.Task's `__step` and
 * `__wakeup`, iteration for iteration.
 *
 * Ordering (the determinism contract, as in CPython 3.12):
 * - creating a task schedules its first step with callSoon;
 * - a step runs the coroutine until it yields a pending future (the task
 *   adds its wakeup as a done callback), yields nothing (a bare yield: the
 *   next step is scheduled with callSoon, so `sleep(0)` yields exactly once),
 *   or finishes;
 * - the wakeup runs as that future's done callback, one iteration after the
 *   future completed, and steps the coroutine directly;
 * - cancel() cancels the future the task waits on, or sets must-cancel, and
 *   the CancelledError is thrown in at the next step.
 *
 * Two coroutine styles drive one state machine:
 * - generator style: a generator object, stepped synchronously with
 *   next()/throw(); awaiting is `yield* awaitable`;
 * - async style: a zero-argument function returning a Promise. Its body runs
 *   in JavaScript microtasks, so a step cannot finish synchronously: the
 *   task becomes the loop's `_asyncWaiter`, and the step ends when the body
 *   either awaits a vloop awaitable (its `then` calls `_asyncPark`) or
 *   settles its promise. The loop waits for that before it runs the next
 *   handle, so both styles give the same interleaving.
 */
import { AsyncInRunSync, CancelledError, InvalidStateError, RuntimeError, UsageError, withoutStack } from "../errors.js";
import { type BaseEventLoop, registerTaskCallback } from "../loop/baseEventLoop.js";
import { isTaskCallback } from "../loop/taskCallbacks.js";
import { currentLoop } from "../loop/running.js";
import { badYieldError, explainNotIterable, keepBadYield } from "./badYield.js";
import { coroutineExpected, coroutineIterator, isAsyncGeneratorFunction, notCoroutineHint, quietRefused, startedPromiseError } from "./coroutineInput.js";
import { driveInline } from "./driveInline.js";
import { InlinePromise } from "./inline.js";
import { setPyName } from "../util/asyncioRepr.js";
import { pyRepr } from "../util/pyformat.js";
import { CANCELLED, FAILED, FINISHED, Future, NO_EDGES, PENDING, isFuture, misuse, takeBlocking, wake } from "./future.js";
import type { Callback } from "../loop/handle.js";
import { showTyped, showValue } from "../util/showValue.js";
import type { WaitInfo } from "../loop/deadlockReport.js";
import { checkOptionNames, extraArgument } from "../util/args.js";

const MODE_NEW = 0; // a zero-argument function, not called yet
const MODE_GEN = 1; // a generator (or any iterator), stepped synchronously
const MODE_ASYNC = 2; // an async function's body, running in microtasks
const MODE_MASK = 3;
const MUST_CANCEL = 4;
/** the task failed and nobody has looked at its exception yet (asyncio's __log_traceback) */
const LOG_TRACEBACK = 8;
/** the task's host crashed: it was ended without running (see _kill) */
const KILLED = 16;
/** the task's eager first step is running, inside createTask (see _eagerStart) */
const EAGER = 32;
const FLAG_BITS = 6; // the cancel count is kept above these

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Settle = ((v: any) => unknown) | null | undefined;
type CoroIterator = Iterator<unknown, unknown, unknown>;

/** The error an eager step with an async body ends in, on its way out of createTask (see _eagerAsyncBody). */
let eagerRefusal: UsageError | null = null;

/** The tasks whose wait a deadlock report is describing, outermost first (a chain of tasks awaiting tasks). */
const reportChain = new Set<Task<unknown>>();

/** What a task can be given to run (see the surface file's `Coroutine`). */
export type CoroutineInput<T> =
  | Generator<unknown, T, unknown>
  | (() => Generator<unknown, T, unknown>)
  | (() => PromiseLike<T>)
  | (PromiseLike<T> & { [Symbol.iterator](): Iterator<unknown, T, unknown> })
  | Iterator<unknown, T, unknown>;

/** The handle callback of a task step (a plain function: no closure per step). */
export function stepTask(task: Task<unknown>, exc: unknown): void {
  task._step(exc);
}
registerTaskCallback(stepTask);

/** str(name), as asyncio takes a task's name; an object that has no string form is named as such. */
function taskName(what: string, name: unknown): string {
  try {
    return String(name);
  } catch {
    throw new TypeError(`${what}: a task's name must be convertible to a string (got ${showValue(name)})`);
  }
}

/**
 * @internal The name in createTask's options (`{ name }`, or none): asyncio's
 * `name=` is a keyword argument, so a bare string, a misspelt option or a
 * third argument is a TypeError rather than a task silently named Task-<n>.
 */
export function taskOptionName(what: string, options: unknown, extra: unknown): string | undefined {
  if (extra !== undefined) throw extraArgument(`${what}()`, "two arguments, the coroutine and its options", extra);
  if (options === undefined) return undefined;
  if (options === null || typeof options !== "object") {
    throw new TypeError(`${what}: options must be an object like { name: "worker" } or omitted (got ${showTyped(options)})`);
  }
  checkOptionNames(what, options, TASK_OPTIONS);
  return (options as { name?: string }).name;
}
const TASK_OPTIONS = ["name"] as const;

function isThenable(x: unknown): x is PromiseLike<unknown> {
  return x !== null && (typeof x === "object" || typeof x === "function") && typeof (x as PromiseLike<unknown>).then === "function";
}

/**
 * A coroutine scheduled on the loop. Mirrors asyncio.Task.
 * @example
 * const t = createTask(() => work(1), { name: "worker" });
 * const value = await t; // or: yield* t
 */
export class Task<T = unknown> extends Future<T> {
  // Fields are few on purpose: a pending task should cost little memory.
  /** @internal the name, or the number n of the default name "Task-<n>" */ _name: string | number;
  /**
   * @internal MODE_NEW: the zero-argument function not called yet;
   * MODE_GEN: the coroutine's iterator; MODE_ASYNC: an awaitable the async
   * body awaits that is being driven inline for it (or null).
   */
  declare _coro: CoroIterator | (() => unknown) | null;
  // One field keeps its initializer on purpose: a subclass with no instance
  // field at all, whose class gets its `name` redefined (esbuild's keepNames:
  // tsx, npm run bench), makes V8 construct every instance through the
  // runtime, ~400 ns each (measured). The others are set in the constructor
  // (see Future's constructor).
  /** @internal the mode (2 bits), must-cancel, log-traceback, and the cancel count above them; see the accessors below */
  _flags = MODE_GEN;
  /** @internal the future this task waits on */ declare _futWaiter: Future<unknown> | null;
  /** @internal async style: how to resume the suspended body (set by _asyncPark), one object per task */
  declare _resume: { ok: Settle; err: Settle } | null;
  /**
   * @internal The task is its own ready-queue entry for its next step or
   * wake-up (a task has at most one pending): `_fn` is stepTask or wake while
   * queued, null otherwise; `_arg` the step's exception or the waking future.
   * Saves a Handle per step; CPython allocates one, but nobody can observe it.
   */
  declare _fn: Callback | null;
  /** @internal see _fn */ declare _arg: unknown;

  /** @internal MODE_NEW, MODE_GEN or MODE_ASYNC */
  get _mode(): number {
    return this._flags & MODE_MASK;
  }
  /** @internal */
  set _mode(mode: number) {
    this._flags = (this._flags & ~MODE_MASK) | mode;
  }

  /** @internal asyncio's _num_cancels_requested (kept in the flags above FLAG_BITS) */
  get _numCancelsRequested(): number {
    return this._flags >>> FLAG_BITS;
  }
  /** @internal */
  set _numCancelsRequested(n: number) {
    this._flags = (this._flags & ((1 << FLAG_BITS) - 1)) | (n << FLAG_BITS);
  }

  /** The result (see Future.result); reading it counts as retrieving the exception. */
  override result(): T {
    this._flags &= ~LOG_TRACEBACK;
    return super.result();
  }

  /** The exception (see Future.exception); reading it counts as retrieving it. */
  override exception(): unknown {
    this._flags &= ~LOG_TRACEBACK;
    return super.exception();
  }

  /** @internal the exception nobody retrieved, or undefined (asyncio logs it when the task is collected) */
  _unretrievedException(): unknown {
    return (this._flags & LOG_TRACEBACK) !== 0 ? this._result : undefined;
  }

  /** @internal asyncio's _must_cancel */
  get _mustCancel(): boolean {
    return (this._flags & MUST_CANCEL) !== 0;
  }
  /** @internal */
  set _mustCancel(on: boolean) {
    this._flags = on ? this._flags | MUST_CANCEL : this._flags & ~MUST_CANCEL;
  }

  /**
   * @internal use createTask() or loop.createTask(). `eagerStart`: asyncio's
   * Task(..., eager_start=True), which eagerTaskFactory passes: when the loop
   * is running, the first step runs now, inside the constructor.
   */
  constructor(coro: CoroutineInput<T>, loop: BaseEventLoop & { _taskCounter: number }, name?: string, eagerStart?: boolean) {
    super(loop);
    // (the fields are set here, not by initializers: see Future's constructor)
    this._coro = null;
    this._futWaiter = null;
    this._resume = null;
    this._fn = null;
    this._arg = undefined;
    if (typeof coro === "function") {
      if (isAsyncGeneratorFunction(coro)) throw coroutineExpected("createTask", coro);
      this._coro = coro as () => unknown;
      this._mode = MODE_NEW;
    } else {
      if (isThenable(coro) && !(Symbol.iterator in (coro as object))) {
        // The promise's body already runs and will take over the caller's
        // awaits; stop the whole run with the clear message instead.
        const error = startedPromiseError("createTask");
        quietRefused(coro as PromiseLike<unknown>);
        loop._fatal(error);
        throw error;
      }
      if (isFuture(coro)) {
        throw new TypeError(`createTask: a coroutine was expected, got ${coro._repr()} (await it directly instead)`);
      }
      const it = coroutineIterator(coro);
      if (it === null) throw coroutineExpected("createTask", coro);
      this._coro = it;
    }
    // CPython 3.12 uses up a number for every task, named or not.
    const num = ++loop._taskCounter;
    this._name = name === undefined ? num : taskName("createTask", name);
    // (a loop that waits for its turn behind another run is "running" too, but its code cannot run now)
    if (eagerStart === true && loop._running && currentLoop() === loop) {
      loop._placeEagerTask(this);
      this._traceCreated();
      try {
        if (this._state === PENDING) this._eagerStart(); // (not if its host is down: _placeTask killed it)
      } finally {
        loop._listEagerTask(this);
      }
      return;
    }
    this._enqueue(stepTask, undefined);
    loop._addTask(this);
    this._traceCreated();
  }

  private _traceCreated(): void {
    const loop = this._loop;
    if (loop._tracer !== null) {
      const host = loop._hosts !== null ? loop._hosts._hostNameOf(this) : undefined;
      loop._emit({ kind: "task-created", t: loop.time(), i: loop._iteration, task: this.getName(), ...(host !== undefined ? { host } : {}) });
    }
  }

  /**
   * asyncio's Task.__eager_start: the first step runs now, in the code that
   * creates the task, with this task current (swapped in, and the creator
   * swapped back after, as _swap_current_task does: the creator may be a
   * task or a plain callback). The coroutine runs until it first suspends:
   * on a pending future (the task then waits on it, as after any step), at a
   * bare yield (its next step is queued), or to its end (the task is done
   * before createTask returns). Only a generator can be stepped this way: an
   * async function's body would suspend in microtasks, after createTask has
   * returned (see _eagerAsyncBody).
   */
  private _eagerStart(): void {
    const loop = this._loop;
    const creator = loop._currentTask;
    loop._currentTask = this;
    this._flags |= EAGER;
    if (loop._tracer !== null) loop._emit({ kind: "step", t: loop.time(), i: loop._iteration, task: this.getName(), eager: true });
    try {
      this._stepSync(undefined);
    } finally {
      this._flags &= ~EAGER;
      loop._currentTask = creator;
    }
    if (eagerRefusal !== null) {
      const error = eagerRefusal;
      eagerRefusal = null;
      throw error;
    }
  }

  /** Task.get_name(): "Task-<n>" unless a name was given. */
  getName(): string {
    const name = this._name;
    return typeof name === "number" ? `Task-${name}` : name;
  }

  /** Task.set_name() */
  setName(name: string): void {
    this._name = taskName("setName", name);
  }

  /** Task.cancelling(): the number of pending cancellation requests. */
  cancelling(): number {
    return this._numCancelsRequested;
  }

  /** Task.uncancel(): decrements the count of cancellation requests and returns it. */
  uncancel(): number {
    if (this._numCancelsRequested > 0) this._numCancelsRequested--;
    return this._numCancelsRequested;
  }

  /**
   * Requests cancellation: a CancelledError is thrown into the coroutine at
   * its next step. Returns false if the task is already done. Mirrors Task.cancel(msg).
   */
  override cancel(msg?: string): boolean {
    if (this._state !== PENDING) return false;
    this._numCancelsRequested++;
    const loop = this._loop;
    if (loop._tracer !== null) {
      const by = loop._currentTask;
      loop._emit({ kind: "cancel-requested", t: loop.time(), i: loop._iteration, task: this.getName(), ...(by ? { by: by.getName() } : {}) });
    }
    // Ordering: cancel the awaited future first (its callbacks wake us).
    if (this._futWaiter !== null && this._futWaiter.cancel(msg)) return true;
    this._mustCancel = true;
    this._cancel = msg;
    return true;
  }

  /**
   * @internal The task's host crashed (src/net/network.ts): its process is
   * gone, so none of its code runs again: no CancelledError is thrown in, no
   * finally block runs. Its queued step or wake-up becomes a no-op, it stops
   * listening to the future it awaited, and it ends cancelled, so that a task
   * elsewhere awaiting it is woken rather than left waiting forever. The
   * caller makes sure it is not the task running now.
   */
  _kill(message: string): void {
    if (this._state !== PENDING) return;
    this._fn = null; // a queued entry is skipped (a second one, a Handle, would step a done task: see _step)
    this._arg = undefined;
    if (this._futWaiter !== null) {
      this._futWaiter.removeDoneCallback(this as never);
      this._futWaiter = null;
    }
    this._resume = null; // an async body stays suspended for good, and is collected
    this._coro = null;
    this._mustCancel = false;
    this._flags |= KILLED;
    Future.prototype.cancel.call(this, message);
    this._finished();
  }

  /** Tasks cannot be resolved from outside: throws RuntimeError, as asyncio does. */
  override setResult(_value: T): void {
    throw new RuntimeError(`Task does not support setResult (${this._repr()})`);
  }

  /** Tasks cannot be resolved from outside: throws RuntimeError, as asyncio does. */
  override setException(_error: unknown): void {
    throw new RuntimeError(`Task does not support setException (${this._repr()})`);
  }

  /** @internal Future._make_cancelled_error: the coroutine's own CancelledError first, once. */
  override _makeCancelledError(): CancelledError {
    const stored = this._cancel;
    if (stored instanceof CancelledError) {
      this._cancel = undefined;
      return stored;
    }
    return withoutStack(() => new CancelledError(stored));
  }

  /** @internal */
  override _repr(): string {
    const state = this._state === PENDING ? "pending" : this._state === CANCELLED ? "cancelled" : "finished";
    return `<Task ${state} name='${this.getName()}'>`;
  }

  /**
   * @internal asyncio's _task_repr_info, less the coroutine: the state
   * ("cancelling" while a cancellation is pending), the name, what the task
   * waits on, then the future's fields.
   */
  override _reprInfo(): string[] {
    const info = super._reprInfo();
    if (this._state === PENDING && this._numCancelsRequested > 0) info[0] = "cancelling";
    info.splice(1, 0, `name=${pyRepr(this.getName())}`);
    if (this._futWaiter !== null) info.splice(2, 0, `wait_for=${this._futWaiter.toString()}`);
    return info;
  }

  /** @internal what awaiting this task means, for traces: "Task-3" */
  override _describe(): string {
    return this.getName();
  }

  /**
   * @internal for deadlock reports: what this task waits on ("waits on
   * Lock#2.acquire(), held by Task-4 (acquired at t=0)"), and the tasks that
   * could end the wait
   */
  _waitInfo(): WaitInfo {
    const fut = this._futWaiter;
    if (fut !== null) {
      reportChain.add(this);
      try {
        const info = fut._awaitedInfo();
        return { text: `waits on ${info.text}`, edges: info.edges };
      } finally {
        reportChain.delete(this);
      }
    }
    return { text: this._mode === MODE_NEW ? "has not started" : "is ready to run", edges: NO_EDGES };
  }

  /**
   * @internal awaiting this task, for deadlock reports: its name, and along
   * the chain what it waits on ("worker, which waits on Event#1.wait()"),
   * up to a task already on the chain
   */
  override _awaitedInfo(): WaitInfo {
    const name = this.getName();
    const edges = [{ task: this, via: name }];
    if (this._state !== PENDING || reportChain.has(this)) return { text: name, edges };
    return { text: `${name}, which ${this._waitInfo().text}`, edges };
  }

  /** @internal Task.__wakeup: the done callback of the awaited future. */
  _wakeupFrom(fut: Future<unknown>): void {
    if (this._loop._tracer !== null) this._loop._wakeBy = this._loop._resolver(fut);
    if (fut._state === FINISHED) {
      this._step(undefined, fut); // the common case: future.result() would not raise
      return;
    }
    try {
      fut.result();
    } catch (error) {
      this._step(error);
      return;
    }
    this._step(undefined, fut);
  }

  /**
   * @internal Task.__step. `from` is the future whose completion woke the
   * task (the async style hands its result to the suspended body).
   */
  _step(exc: unknown, from?: Future<unknown>): void {
    if (this._state !== PENDING) {
      if ((this._flags & KILLED) !== 0) return; // a second queued entry of a task whose host crashed
      throw new InvalidStateError(`_step(): already done: ${this._repr()}`);
    }
    if (this._mustCancel) {
      if (!(exc instanceof CancelledError)) exc = this._makeCancelledError();
      this._mustCancel = false;
    }
    this._futWaiter = null;
    const loop = this._loop;
    loop._enterTask(this);
    if (loop._tracer !== null) {
      const by = loop._wakeBy;
      loop._wakeBy = undefined;
      loop._emit({ kind: "step", t: loop.time(), i: loop._iteration, task: this.getName(), ...(exc instanceof CancelledError ? { cancel: true } : {}), ...(by !== undefined ? { by } : {}) });
    }
    if (this._mode === MODE_ASYNC) {
      this._asyncResume(exc, from);
      return; // the step ends when the body suspends (_asyncPark) or settles
    }
    try {
      this._stepSync(exc);
    } finally {
      if (loop._asyncWaiter !== this) loop._leaveTask(this);
    }
  }

  /** The generator-style step (and the first step of a zero-argument function). */
  private _stepSync(exc: unknown): void {
    let r: IteratorResult<unknown, unknown>;
    try {
      if (this._mode === MODE_NEW) {
        const start = this._coro as () => unknown;
        this._coro = null;
        // A task cancelled before its first step never runs its body.
        if (exc !== undefined) throw exc;
        const made = start();
        const it = coroutineIterator(made);
        if (it === null) {
          if (isThenable(made)) {
            if ((this._flags & EAGER) !== 0) {
              eagerRefusal = this._eagerAsyncBody(made);
              return;
            }
            this._startAsync(made);
            return;
          }
          throw new TypeError(
            `task ${this.getName()}: its coroutine function returned ${showValue(made)}; ` +
              `expected a generator (function*) or a promise (async function)${notCoroutineHint(made)}`,
          );
        }
        this._coro = it;
        this._mode = MODE_GEN;
        r = it.next();
      } else {
        const coro = this._coro as CoroIterator;
        if (exc === undefined) r = coro.next();
        else if (typeof coro.throw === "function") r = coro.throw(exc);
        else throw exc;
      }
    } catch (error) {
      // (the failure path only: mistakes in yield* get a message that says what to write)
      this._finishWithError(this._mode === MODE_GEN ? explainNotIterable(keepBadYield(exc, error), this.getName()) : error);
      return;
    }
    if (r.done) this._finishWithResult(r.value);
    else this._handleYield(r.value, true);
  }

  /**
   * @internal What the coroutine yielded (Task.__step_run_and_handle_result):
   * a pending future to wait on, nothing (a bare yield), or a mistake that is
   * thrown back into the coroutine at the next step.
   */
  _handleYield(value: unknown, checkBlocking: boolean): void {
    const loop = this._loop;
    if (value === undefined) {
      // Ordering: a bare yield (sleep(0)) gives up control for exactly one iteration.
      if (loop._tracer !== null) loop._emit({ kind: "suspend", t: loop.time(), i: loop._iteration, task: this.getName(), on: "sleep(0)" });
      this._enqueue(stepTask, undefined);
    } else if (value instanceof Future) {
      const blocking = takeBlocking(value);
      let error: RuntimeError | null = null;
      if (value._loop !== loop) {
        error = new RuntimeError(`Task ${this._repr()} got Future ${value._repr()} attached to a different loop`);
      } else if (!checkBlocking || blocking) {
        if (value === this) {
          error = new RuntimeError(`Task cannot await on itself: ${this._repr()}`);
        } else {
          value._addWaker(this);
          this._futWaiter = value;
          if (loop._tracer !== null) loop._emit({ kind: "suspend", t: loop.time(), i: loop._iteration, task: this.getName(), on: value._describe() ?? value._repr() });
          if (this._mustCancel && value.cancel(this._cancelMessage)) this._mustCancel = false;
          return;
        }
      } else {
        error = new RuntimeError(`yield was used instead of yield* in task ${this._repr()} with ${value._repr()}`);
      }
      this._enqueue(stepTask, error);
    } else if (value instanceof InlinePromise) {
      quietRefused(value.promise);
      const error = new UsageError(
        `task ${this.getName()} is a generator-style coroutine but was given an async function body ` +
          `(in asyncWith, waitFor, ...): inside function* coroutines pass generator functions (function*)`,
      );
      this._enqueue(stepTask, error);
    } else {
      this._enqueue(stepTask, badYieldError(this._repr(), value));
    }
  }

  /**
   * @internal Ordering: callSoon(fn, this, arg), with the task itself as the
   * ready-queue entry when it has none pending (the usual case), else a Handle.
   */
  _enqueue(fn: Callback, arg: unknown): void {
    if (this._fn === null) {
      this._fn = fn;
      this._arg = arg;
      this._loop._ready.push(this);
    } else {
      this._loop._callSoon(fn, 2, this, arg);
    }
  }

  /** @internal Waker: call_soon(self.__wakeup, future) */
  _scheduleWake(fut: Future<unknown>): void {
    this._enqueue(wake, fut);
  }

  /** @internal as a ready-queue entry: the task whose step this is */
  get _a0(): unknown {
    return this;
  }

  /** @internal as a ready-queue entry: a queued step is never cancelled (steps are not handles users hold) */
  get _cancelled(): boolean {
    return this._fn === null;
  }

  /** @internal as a ready-queue entry: run the queued step or wake-up */
  _run(): void {
    const fn = this._fn as Callback;
    const arg = this._arg;
    this._fn = null;
    this._arg = undefined;
    fn(this, arg);
  }

  /** @internal as a ready-queue entry, for reports: its step, or a done callback it carries (gather's) */
  describe(): string {
    const fn = this._fn;
    if (fn !== null && !isTaskCallback(fn)) return `callback ${fn.name || "<anonymous>"}`;
    return `step ${this.getName()}`;
  }

  /** @internal the coroutine returned: set the result (or cancel if a cancel came too late). */
  _finishWithResult(value: unknown): void {
    if (this._mustCancel) {
      // The task was cancelled right before its coroutine returned.
      this._mustCancel = false;
      Future.prototype.cancel.call(this, this._cancelMessage);
    } else {
      Future.prototype.setResult.call(this, value);
    }
    this._finished();
  }

  /** @internal the coroutine raised: a CancelledError cancels the task, anything else is its exception. */
  _finishWithError(error: unknown): void {
    if (error instanceof CancelledError) {
      Future.prototype.cancel.call(this); // unsets the message...
      this._cancel = error; // ...and the coroutine's own CancelledError is handed out first
    } else {
      const exc = error ?? new RuntimeError(`task ${this.getName()} threw ${String(error)}`);
      Future.prototype.setException.call(this, exc);
      this._flags |= LOG_TRACEBACK;
      this._loop._failedTasks.push(this);
    }
    this._finished();
  }

  private _finished(): void {
    const loop = this._loop;
    loop._taskFinished();
    this._coro = null;
    if (loop._tracer !== null) {
      const outcome = this._state === FAILED ? "error" : this._state === CANCELLED ? "cancelled" : "result";
      const name = this._state === FAILED ? (this._result as Error | null)?.name : undefined;
      const detail = this._state === FAILED ? (typeof name === "string" ? name : showValue(this._result)) : undefined;
      loop._emit({ kind: "finish", t: loop.time(), i: loop._iteration, task: this.getName(), outcome, ...(detail ? { detail } : {}) });
    }
  }

  /**
   * An eager task's coroutine function turned out to be an async function:
   * its body has run up to its first await, which parks in a microtask, after
   * createTask returns, where CPython's eager step would have suspended (or
   * finished) before it returns. Rather than run it in another order, the
   * run stops here with what to write instead.
   */
  private _eagerAsyncBody(promise: PromiseLike<unknown>): UsageError {
    quietRefused(promise);
    const error = new UsageError(
      `task ${this.getName()} cannot start eagerly: its coroutine is an async function, and the loop's task factory is eagerTaskFactory. ` +
        `An eager task's first step runs inside createTask and must suspend or finish before createTask returns, as in CPython; ` +
        `an async function suspends in JavaScript microtasks, after it has returned. ` +
        `Give eager tasks generator coroutines (function*), from either style: createTask(worker(1)) with function* worker; ` +
        `or leave the task factory unset (loop.setTaskFactory(null))`,
    );
    this._loop._fatal(error);
    return error;
  }

  // ---------------------------------------------------------------- async style

  /** The first step called an async function: its body now runs in microtasks. */
  private _startAsync(promise: PromiseLike<unknown>): void {
    const loop = this._loop;
    this._mode = MODE_ASYNC;
    this._coro = null;
    loop._sawAsync = true;
    if (loop._syncOnly) {
      // The body has started and will fail once the loop is gone: that
      // failure belongs to this error, so keep it from surfacing as an
      // unhandled rejection.
      quietRefused(promise);
      throw new AsyncInRunSync(
        `runSync cannot drive task ${this.getName()}: its coroutine is an async function. ` +
          `runSync drives generator coroutines only; use \`await run(...)\` for async functions`,
      );
    }
    loop._asyncWaiter = this;
    promise.then(
      (value) => this._asyncSettled(false, value),
      (error) => this._asyncSettled(true, error),
    );
  }

  /**
   * @internal The body of this task awaited `yielded` (a future, or what a
   * generator-style awaitable yielded): the step ends here. `ok`/`err` resume
   * the body later (with the result of the future that wakes the task,
   * unless `it`, an awaitable driven inline for the body's await, takes it).
   */
  _asyncPark(yielded: unknown, ok: Settle, err: Settle, it: CoroIterator | null, checkBlocking: boolean): void {
    const loop = this._loop;
    if (loop._asyncWaiter !== this) throw misuse(loop, String(yielded));
    const resume = this._resume;
    if (resume === null) this._resume = { ok, err };
    else {
      resume.ok = ok;
      resume.err = err;
    }
    this._coro = it;
    loop._asyncWaiter = null;
    this._handleYield(yielded, checkBlocking);
    loop._leaveTask(this);
    loop._scheduleResume(this);
  }

  /** Resume the suspended body: send the awaited result or throw `exc` in. */
  private _asyncResume(exc: unknown, from: Future<unknown> | undefined): void {
    const loop = this._loop;
    const resume = this._resume as { ok: Settle; err: Settle };
    const ok = resume.ok;
    const err = resume.err;
    resume.ok = resume.err = null;
    const it = this._coro as CoroIterator | null;
    this._coro = null;
    loop._asyncWaiter = this;
    if (it !== null) {
      driveInline(this, it, ok, err, exc);
      return;
    }
    if (exc !== undefined) {
      if (err) err(exc);
      return;
    }
    let value: unknown;
    if (from !== undefined) {
      try {
        value = from.result();
      } catch (error) {
        if (err) err(error);
        return;
      }
    }
    if (ok) ok(value);
  }

  /** The async body's promise settled: the coroutine returned or raised. */
  private _asyncSettled(failed: boolean, value: unknown): void {
    const loop = this._loop;
    // The run already ended (the watchdog named this body as stuck): nothing to finish.
    if (loop._closed) return;
    if (loop._asyncWaiter !== this) {
      // The body finished while the task was not being stepped: it awaited
      // something vloop does not control, and that something settled.
      loop._fatal(
        new UsageError(
          `task ${this.getName()} finished outside its own step: its async function awaited ` +
            `something vloop does not control (a plain Promise, a real timer, I/O). ` +
            `Await only vloop awaitables (sleep, futures, tasks, gather, locks, queues)`,
        ),
      );
      return;
    }
    loop._asyncWaiter = null;
    if (failed) this._finishWithError(value);
    else this._finishWithResult(value);
    loop._leaveTask(this);
    loop._scheduleResume(this);
  }
}
setPyName(Task, "Task");
