/**
 * The event loop core: a virtual clock, a FIFO ready queue, a timer heap and
 * `runOnce()`, which is asyncio's `BaseEventLoop._run_once` step for step.
 *
 * Design (see DESIGN.md): time is a float that only this loop moves. When
 * nothing is ready it jumps to the earliest live timer, never to a cancelled
 * one's deadline and never backwards. Callbacks are called in one place only,
 * `runOnce`, and each iteration runs exactly the handles that were ready when
 * it began. Every order decision (ready order, equal-deadline timers) goes
 * through the injected `SchedulingPolicy`.
 *
 * Async-function coroutines run in JavaScript microtasks, so the loop must be
 * able to pause in the middle of an iteration until the task whose body is
 * running has suspended again (see futures/task.ts). The iteration state
 * (`_todo`) therefore lives on the object, and `_runUntilStopped()` returns
 * false when it pauses; `_resume()` carries on.
 */
import type { Task } from "../futures/task.js";
import { DeadlockError, RuntimeError, StepBudgetExceeded, UsageError, ValueError } from "../errors.js";
import type { SchedulingPolicy } from "../schedule/policy.js";

import { Deque } from "../util/deque.js";
import { FifoTimerHeap, TimerHeap } from "../util/heap.js";
import { Choices } from "./choices.js";
import { type IdleRun, idleRun } from "./idleClock.js";
import { describeCandidate, isTaskCallback } from "./taskCallbacks.js";
import { type Callback, Handle, type Runnable, TimerHandle, type TimerLike } from "./handle.js";
import type { TraceEvent, Tracer } from "./trace.js";
import { showTyped } from "../util/showValue.js";
import { type WaitInfo, deadlockReport } from "./deadlockReport.js";

/** asyncio.base_events._MIN_SCHEDULED_TIMER_HANDLES */
const MIN_SCHEDULED_TIMER_HANDLES = 100;
/** asyncio.base_events._MIN_CANCELLED_TIMER_HANDLES_FRACTION */
const MIN_CANCELLED_TIMER_HANDLES_FRACTION = 0.5;
/** asyncio.base_events.MAXIMUM_SELECT_TIMEOUT: one select() waits at most a day. */
const MAXIMUM_SELECT_TIMEOUT = 24 * 3600;
/** The loop's clock resolution (time.get_clock_info('monotonic').resolution on Linux). */
export const CLOCK_RESOLUTION = 1e-9;
/** Default step budget: handles run before a run is declared a livelock. */
export const DEFAULT_MAX_STEPS = 50_000_000;

/** What the loop needs to know of a task (Task lives in a higher layer). */
export interface LoopTask {
  getName(): string;
  done(): boolean;
  /** What the task waits on, and for which tasks, for deadlock reports. */
  _waitInfo(): WaitInfo;
  /** The exception nobody retrieved, if the task failed. */
  _unretrievedException(): unknown;
}

/** @internal what the loop asks the simulated network about tasks (see BaseEventLoop._hosts) */
export interface TaskHosts {
  /** a new task lives on the host of the code that created it */
  _placeTask(task: LoopTask): void;
  /** the name of the host `task` lives on */
  _hostNameOf(task: LoopTask): string;
  /**
   * A callback scheduled by callSoon/callLater/callAt, as the network runs it:
   * null when the code scheduling it runs on main; otherwise the argument of
   * `_hostRunner`, which runs `fn(...args)` as the host's callback (the tasks
   * it creates live on the host) unless the host crashed since.
   */
  _hostCall(fn: Callback, args: unknown[]): unknown;
  readonly _hostRunner: Callback;
}

/**
 * An IO source: what asyncio's selector is to `_run_once` (the simulated
 * network, src/net). Once per iteration, before the clock may move, the loop
 * calls `_processEvents()`, which queues the callbacks of the IO that is
 * ready now on the ready queue (asyncio's `select()` + `_process_events`).
 * IO on the simulated network takes no virtual time, so IO that is ready
 * keeps the clock still: with a handle queued, the loop does not jump to a
 * timer.
 */
export interface IoSource {
  _processEvents(): void;
}

/** What a reported exception carries (asyncio's exception handler context). */
export interface ExceptionContext {
  message: string;
  exception: unknown;
  handle?: Runnable;
  /** The task that raised it, where asyncio's context has one ("unhandled exception during asyncio.run() shutdown"). */
  task?: Task<unknown>;
}

/** An exception handler: loop.set_exception_handler's `handler(loop, context)`. */
export type ExceptionHandler = (loop: BaseEventLoop, context: ExceptionContext) => void;

export interface BaseLoopOptions {
  policy: SchedulingPolicy;
  maxSteps?: number;
  tracer?: Tracer | null;
  /** Keep a ChoiceRecord per decision (explore's reports). */
  recordChoices?: boolean;
  /** Let the policy fire each timer up to this many seconds early or late. */
  jitter?: number;
  /** Multiply every fault probability of the simulated network (loss, maybe) by this (default 1). */
  faultScale?: number;
}

/** One decision of a choosing policy, as `choiceLog` keeps it. */
export interface ChoiceRecord {
  readonly index: number;
  readonly kind: "ready" | "timer" | "jitter" | "net";
  readonly time: number;
  readonly iteration: number;
  readonly n: number;
  readonly chosen: number;
  /** Names of the alternatives in default order (task names, timer descriptions). */
  readonly names: readonly string[];
}



/** A time or delay: any number but NaN. An infinite one is accepted, as CPython does (a timer at +Infinity never fires). */
function checkNumber(what: string, name: string, value: unknown): number {
  if (typeof value !== "number" || Number.isNaN(value)) {
    const shown = showTyped(value);
    throw new TypeError(`${what}: ${name} must be a number other than NaN (got ${shown})`);
  }
  return value;
}

function checkCallback(what: string, fn: unknown): asserts fn is Callback {
  if (typeof fn !== "function") {
    throw new TypeError(`${what}: callback must be a function (got ${typeof fn})`);
  }
}

/** The step budget: a whole number of handles >= 1, or Infinity for none (NaN would silently disable it). */
function checkMaxSteps(n: unknown): number {
  if (typeof n !== "number") throw new TypeError(`maxSteps must be a number (got ${showTyped(n)})`);
  if (!(Number.isInteger(n) && n >= 1) && n !== Infinity) {
    throw new ValueError(`maxSteps must be a whole number of handles >= 1, or Infinity for no budget (got ${showTyped(n)})`);
  }
  return n;
}

export { registerTaskCallback } from "./taskCallbacks.js";

/** What a timer's callback does, for jitter reports: "wake sleep(1)", "callback onTimeout". */
function describeCallback(fn: Callback, a0: unknown): string {
  return new Handle(fn, 1, a0, undefined).describe().replace(/^callback /, "");
}

/** An already settled promise: `.then(f)` on it queues f as a microtask. */
const RESOLVED: Promise<void> = Promise.resolve();

export class BaseEventLoop {
  /** The virtual clock, in seconds. */
  protected _now = 0;
  /** @internal asyncio's `_ready` */ readonly _ready = new Deque<Runnable>(16);
  /** @internal asyncio's `_scheduled` */ readonly _scheduled: TimerHeap<TimerLike>;
  /** @internal asyncio's `_timer_cancelled_count` (with its quirks) */ _timerCancelledCount = 0;
  /** @internal */ _stopping = false;
  /** @internal */ _closed = false;
  /** @internal a run of this loop is in progress (or waits for its turn): see loop/drive.ts */ _running = false;
  /** @internal the policy deciding every order */ readonly _policy: SchedulingPolicy;
  /** @internal */ readonly _tracer: Tracer | null;
  /** @internal the decisions of a choosing policy (see loop/choices.ts) */ readonly _choices: Choices;
  /** The choice tape: one entry per decision made by a choosing policy. */
  readonly tape: number[];
  /** How many alternatives each decision on the tape had (systematic search expands them). */
  readonly alternatives: number[];
  /** With `recordChoices`, what each decision on the tape was about (for reports). */
  readonly choiceLog: ChoiceRecord[];

  /** How many of the decisions were "ready" decisions (task order): PCT's steps. */
  get readyDecisions(): number {
    return this._choices.readyDecisions;
  }
  private _exceptionHandler: ExceptionHandler | null = null;
  /** @internal tasks that failed, checked at close for exceptions nobody retrieved */
  readonly _failedTasks: LoopTask[] = [];
  /** Exceptions raised by callbacks (asyncio logs them through its exception handler). */
  readonly unhandled: ExceptionContext[] = [];

  /** @internal loop iteration counter */ _iteration = 0;
  /** @internal what the simulated network multiplies its fault probabilities by (swarm runs draw it) */ readonly _faultScale: number;
  /** @internal asyncio's selector: the simulated network once a program uses it (see IoSource) */
  _io: IoSource | null = null;
  /** @internal idle iterations counted instead of run, before iteration `_skippedAt` (snapshots) */ _skipped = 0;
  /** @internal */ _skippedAt = -1;
  /** @internal handles left to run in the current iteration */ _todo = 0;
  /** @internal handles run so far (the step budget counts these) */ _handlesRun = 0;
  private readonly _maxSteps: number;
  private _timerSeq = 0;

  /** @internal the task being stepped (asyncio's _current_tasks[loop]) */ _currentTask: LoopTask | null = null;
  /** @internal tasks in their eager first step, innermost last (see _placeEagerTask) */ _eagerTasks: LoopTask[] | null = null;
  /** @internal every task not yet known to be done, in creation order (compacted lazily) */
  private _taskList: LoopTask[] = [];
  private _tasksDone = 0;
  /** @internal the task whose async body runs right now in microtasks */ _asyncWaiter: LoopTask | null = null;
  /** @internal set while the loop waits for a queued resume after an async step */ _resumePending: LoopTask | null = null;
  /** @internal called when the loop may carry on after an async step (set by the driver) */
  _onResume: (() => void) | null = null;
  /** @internal where log() sends this loop's lines (LoopOptions.onLog), before the process-wide sink */
  _logSink: ((line: string) => void) | null = null;
  /**
   * @internal Called once per loop iteration, after due timers moved to the
   * ready queue (step-through tools); once for a run of idle iterations that
   * the loop counted instead of running (see `_waitCapped`).
   */
  _onIteration: ((loop: BaseEventLoop) => void) | null = null;
  /**
   * @internal tracing only: what the handle being run is ("timer #3", "callback
   * doneCallback"), taken before it runs (an entry may forget its callback as it
   * runs), and who completed each future
   */
  _runningHandle: string | null = null;
  private readonly _resolvedBy: WeakMap<object, string> | null;
  /** @internal tracing only: who woke the task about to step */ _wakeBy: string | undefined = undefined;
  /** @internal a misuse found while paused: the driver stops the run with it */
  _fatalError: unknown = undefined;
  /** @internal true under runSync: async-function coroutines are refused */
  _syncOnly = false;
  /** @internal an async-function task ran in this loop (exploration picks runSync when none did) */
  _sawAsync = false;
  /** made on the first async step: a loop is made per explored run, most of them all generators */
  private _resumeCallback: (() => void) | null = null;

  constructor(options: BaseLoopOptions) {
    this._policy = options.policy;
    this._scheduled = options.policy.fifoTimers ? new FifoTimerHeap<TimerLike>() : new TimerHeap<TimerLike>();
    this._maxSteps = checkMaxSteps(options.maxSteps ?? DEFAULT_MAX_STEPS);
    this._tracer = options.tracer ?? null;
    // a side table only when a tool needs it: a loop is made per explored run
    this._resolvedBy = this._tracer !== null ? new WeakMap() : null;
    this._choices = new Choices(this, options.policy, options.recordChoices ?? false, options.jitter ?? 0);
    const scale = options.faultScale ?? 1;
    if (typeof scale !== "number" || !Number.isFinite(scale) || scale < 0) {
      throw new TypeError(`faultScale must be a finite number >= 0 (got ${showTyped(scale)})`);
    }
    this._faultScale = scale;
    this.tape = this._choices.tape;
    this.alternatives = this._choices.alternatives;
    this.choiceLog = this._choices.log;
  }

  /**
   * The loop's current virtual time in seconds; starts at 0.
   * Mirrors `loop.time()`.
   * @example const t0 = getRunningLoop().time();
   */
  time(): number {
    return this._now;
  }

  /**
   * Schedules `callback(...args)` to run in the next loop iteration (FIFO).
   * Mirrors `loop.call_soon`.
   * @throws TypeError if callback is not a function; RuntimeError if the loop is closed.
   * @example loop.callSoon(() => log("soon"));
   */
  callSoon(callback: Callback, ...args: unknown[]): Handle {
    checkCallback("callSoon", callback);
    this._checkClosed();
    if (this._hosts !== null) {
      const call = this._hosts._hostCall(callback, args);
      if (call !== null) return this._callSoon(this._hosts._hostRunner, 1, call);
    }
    return this._callSoonArgs(callback, args);
  }

  /**
   * Schedules `callback(...args)` at `time() + delay`. A negative or zero delay
   * runs it in the next iteration that processes timers; an infinite one never
   * (if nothing else is left to run, the run ends in a DeadlockError).
   * Mirrors `loop.call_later`.
   * @throws TypeError if delay is NaN or not a number, or callback not a function.
   * @example loop.callLater(1.5, () => log("later"));
   */
  callLater(delay: number, callback: Callback, ...args: unknown[]): TimerHandle {
    checkNumber("callLater", "delay", delay);
    checkCallback("callLater", callback);
    return this._callAtOnHost(this._now + delay, callback, args);
  }

  /**
   * Schedules `callback(...args)` at virtual time `when` (+Infinity: never).
   * Mirrors `loop.call_at`.
   * @throws TypeError if when is NaN or not a number, or callback not a function.
   * @example loop.callAt(loop.time() + 2, () => log("at"));
   */
  callAt(when: number, callback: Callback, ...args: unknown[]): TimerHandle {
    checkNumber("callAt", "when", when);
    checkCallback("callAt", callback);
    return this._callAtOnHost(when, callback, args);
  }

  /** callAt for the public methods: a callback scheduled on a simulated host is that host's (see TaskHosts._hostCall). */
  private _callAtOnHost(when: number, callback: Callback, args: unknown[]): TimerHandle {
    if (this._hosts !== null) {
      const call = this._hosts._hostCall(callback, args);
      if (call !== null) {
        this._checkClosed();
        return this._callAt(when, this._hosts._hostRunner, 1, call);
      }
    }
    return this._callAtArgs(when, callback, args);
  }

  /** Asks the loop to stop after the current iteration. Mirrors `loop.stop`. */
  stop(): void {
    this._stopping = true;
  }

  /** Mirrors `loop.is_closed`. */
  isClosed(): boolean {
    return this._closed;
  }

  /**
   * True while a run of this loop is in progress: run(), runSync(),
   * runUntilComplete(), runForever(), from the call until it returns or
   * settles (also while it waits for another run to finish first).
   * Mirrors `loop.is_running()`.
   * @example const loop = newEventLoop(); loop.isRunning(); // false
   */
  isRunning(): boolean {
    return this._running;
  }

  /** @internal callSoon with arguments already in an array */
  _callSoonArgs(fn: Callback, args: unknown[]): Handle {
    const n = args.length;
    const h = n <= 2 ? new Handle(fn, n, args[0], args[1]) : new Handle(fn, -1, args, undefined);
    this._ready.push(h);
    return h;
  }

  /** @internal the hot path: callSoon(fn, a0, a1) without checks or rest arrays */
  _callSoon(fn: Callback, argc: number, a0?: unknown, a1?: unknown): Handle {
    const h = new Handle(fn, argc, a0, a1);
    this._ready.push(h);
    return h;
  }

  /** @internal callAt with arguments already in an array */
  _callAtArgs(when: number, fn: Callback, args: unknown[]): TimerHandle {
    this._checkClosed();
    const n = args.length;
    return n <= 2
      ? this._callAt(when, fn, n, args[0], args[1])
      : this._pushTimer(new TimerHandle(this, this._choices.jitter > 0 ? this._choices.jittered(when, () => describeCallback(fn, undefined)) : when, ++this._timerSeq, fn, -1, args, undefined));
  }

  /** @internal the hot path: callAt(when, fn, a0, a1) without checks */
  _callAt(when: number, fn: Callback, argc: number, a0?: unknown, a1?: unknown): TimerHandle {
    if (this._choices.jitter > 0) when = this._choices.jittered(when, () => describeCallback(fn, a0));
    return this._pushTimer(new TimerHandle(this, when, ++this._timerSeq, fn, argc, a0, a1));
  }

  /**
   * @internal Schedules an object that is its own timer (sleep()'s coroutine)
   * at `when`, exactly as callAt would schedule a TimerHandle.
   */
  _scheduleTimer<T extends TimerLike>(timer: T, when: number): T {
    if (this._choices.jitter > 0) when = this._choices.jittered(when, () => `wake ${timer.describe()}`);
    timer._when = when;
    timer._seq = -++this._timerSeq;
    return this._pushTimer(timer);
  }

  private _pushTimer<T extends TimerLike>(timer: T): T {
    this._choices.noteTimer(timer);
    timer._scheduled = true; // before the push: the fifo tie-break reads the sign of _seq
    this._scheduled.push(timer);
    if (this._tracer !== null) {
      const task = this._currentTask;
      this._emit({ kind: "timer-set", t: this._now, i: this._iteration, timer: timer._id, when: timer._when, ...(task ? { task: task.getName() } : {}) });
    }
    return timer;
  }

  /** @internal asyncio's _timer_handle_cancelled: count it only while it is in the heap. */
  _timerHandleCancelled(timer: TimerLike): void {
    if (timer._scheduled) {
      this._timerCancelledCount++;
      if (this._tracer !== null) this._emit({ kind: "timer-cancelled", t: this._now, i: this._iteration, timer: timer._id });
    }
  }

  /** Tracing: note the handle about to run; a plain callback gets its own event. */
  private _traceHandle(handle: Runnable): void {
    const what = this._describeHandle(handle);
    this._runningHandle = what;
    if (handle._fn !== null && !isTaskCallback(handle._fn)) {
      this._emit({ kind: "callback", t: this._now, i: this._iteration, what });
    }
  }

  private _describeHandle(handle: Runnable): string {
    if ((handle as TimerLike)._seq !== undefined) return `timer #${(handle as TimerLike)._id}`;
    return handle.describe();
  }

  /** @internal tracing: a future was completed; remember by whom, for the wake-up it causes. */
  _noteResolved(fut: object, repr: string): void {
    const task = this._currentTask;
    const h = this._runningHandle;
    const by = task !== null ? task.getName() : h !== null ? h : "-";
    this._resolvedBy?.set(fut, by);
    this._emit({ kind: "resolve", t: this._now, i: this._iteration, future: repr, by });
  }

  /** @internal tracing: who completed `fut` */
  _resolver(fut: object): string | undefined {
    return this._resolvedBy?.get(fut);
  }

  /** @internal */
  _emit(event: TraceEvent): void {
    (this._tracer as Tracer).emit(event);
  }

  /** @internal */
  _checkClosed(): void {
    if (this._closed) throw new RuntimeError("Event loop is closed");
  }

  /** @internal asyncio's call_exception_handler: record, tell the handler, never stop the loop. */
  _reportException(context: ExceptionContext): void {
    this.unhandled.push(context);
    const handler = this._exceptionHandler;
    if (handler !== null) {
      try {
        handler(this, context);
      } catch (error) {
        // as asyncio: an exception in the handler is reported, not raised
        this.unhandled.push({ message: "Unhandled error in exception handler", exception: error });
      }
    }
  }

  /**
   * @internal At the end of a run: report every task whose exception nobody
   * retrieved. asyncio logs "Task exception was never retrieved" when such a
   * task is garbage-collected; vloop says it at a deterministic moment.
   */
  _reportUnretrieved(): void {
    // (every run ends here, most with no failed task: `length = 0` on an
    // empty array is still a runtime call, 2% of an empty explored run)
    if (this._failedTasks.length === 0) return;
    for (const task of this._failedTasks) {
      const exception = task._unretrievedException();
      if (exception !== undefined) {
        this._reportException({ message: `Task exception was never retrieved (task ${task.getName()})`, exception });
      }
    }
    this._failedTasks.length = 0;
  }

  /**
   * Sets the function called with (loop, context) for every exception a
   * callback raises (they never stop the loop; all are also kept in
   * `unhandled`). null restores the default (keep them only).
   * Mirrors `loop.set_exception_handler(handler)`.
   * @example getRunningLoop().setExceptionHandler((loop, ctx) => log(ctx.message));
   */
  setExceptionHandler(handler: ExceptionHandler | null): void {
    if (handler !== null && typeof handler !== "function") {
      throw new TypeError(`setExceptionHandler: a function or null is required (got ${typeof handler})`);
    }
    this._exceptionHandler = handler;
  }

  /** The current exception handler, or null. Mirrors `loop.get_exception_handler()`. */
  getExceptionHandler(): ExceptionHandler | null {
    return this._exceptionHandler;
  }

  /**
   * Reports an exception as the loop does for callbacks. Mirrors `loop.call_exception_handler(context)`.
   * @example loop.callExceptionHandler({ message: "lost a reply", exception: err });
   */
  callExceptionHandler(context: ExceptionContext): void {
    this._reportException(context);
  }

  /**
   * @internal Runs loop iterations until `stop()` takes effect (returns true),
   * or until a task's async body is running in microtasks (returns false: call
   * again once it has suspended). This is asyncio's run_forever loop:
   * `while True: _run_once(); if _stopping: break`, with `_run_once` split into
   * `_beginIteration()` and the handle loop below.
   */
  _runUntilStopped(): boolean {
    const ready = this._ready;
    for (;;) {
      while (this._todo > 0) {
        this._todo--;
        const handle = ready.shift();
        if (handle._fn === null) continue; // cancelled (a field read: the queue holds several kinds of entry)
        if (++this._handlesRun > this._maxSteps) this._budgetExceeded();
        if (this._fatalError !== undefined) throw this._fatalError;
        if (this._tracer !== null) this._traceHandle(handle);
        try {
          handle._run();
        } catch (error) {
          if (error instanceof UsageError || error instanceof StepBudgetExceeded) throw error;
          this._reportException({ message: `Exception in ${handle.describe()}`, exception: error, handle });
        }
        if (this._asyncWaiter !== null || this._resumePending !== null) return false;
      }
      if (this._stopping) {
        this._stopping = false;
        return true;
      }
      // The select() step, IO half (see IoSource): asyncio's select() returns
      // the IO that is ready and `_process_events` appends its callbacks to
      // `_ready`, after the handles queued by the previous iteration and
      // before the timers that fall due in _beginIteration. Ordering: queued
      // handles, then IO, then due timers. IO is ready at once (zero
      // latency), so with IO queued the clock does not move, as CPython's
      // select(timeout) returns at once with events. Done here, not inside
      // _beginIteration, whose timer clean-up it does not interact with: the
      // check inside it cost sleep_storm a third of its speed (V8 inlining).
      if (this._io !== null) this._io._processEvents();
      this._beginIteration();
    }
  }

  /**
   * @internal asyncio's run_forever starts with a whole `_run_once`, even when
   * stop() was called before it (then it runs one iteration and returns):
   * begin that iteration unless one is under way (handles left over from an
   * error that ended the last run).
   */
  _beginRun(): void {
    if (this._todo === 0) {
      if (this._io !== null) this._io._processEvents(); // the IO half of select(), as in _runUntilStopped
      this._beginIteration();
    }
  }

  /** @internal loop.close(): drop what is ready and every timer (asyncio clears `_ready` and `_scheduled`). */
  _dropScheduled(): void {
    while (this._ready.length > 0) this._ready.shift();
    this._todo = 0;
    for (const timer of this._scheduled.items) timer._scheduled = false;
    this._scheduled.replaceAndHeapify([]);
    this._timerCancelledCount = 0;
  }

  /**
   * @internal The first half of asyncio's `_run_once`: clean up cancelled
   * timers, move the clock, move due timers to the ready queue, and fix how
   * many handles this iteration runs.
   */
  private _beginIteration(): void {
    this._iteration++;
    const heap = this._scheduled;
    const schedCount = heap.length;
    if (
      schedCount > MIN_SCHEDULED_TIMER_HANDLES &&
      this._timerCancelledCount / schedCount > MIN_CANCELLED_TIMER_HANDLES_FRACTION
    ) {
      // Ordering: asyncio rebuilds the heap with heapify when more than 100
      // timers are scheduled and over half of them are cancelled.
      const live: TimerLike[] = [];
      for (const timer of heap.items) {
        if (timer._cancelled) timer._scheduled = false;
        else live.push(timer);
      }
      heap.replaceAndHeapify(live);
      this._timerCancelledCount = 0;
    } else {
      // Ordering: cancelled timers are popped from the head only.
      while (heap.length > 0 && heap.items[0]._cancelled) {
        this._timerCancelledCount--;
        const timer = heap.pop();
        timer._scheduled = false;
      }
    }

    // The select() step: with nothing ready, jump to the earliest live timer
    // (by at most MAXIMUM_SELECT_TIMEOUT per iteration, as CPython's wait is
    // capped: timeout = min(max(0, when - now), cap); a capped wait is cold).
    if (this._ready.length === 0 && !this._stopping) {
      if (heap.length === 0) this._deadlock();
      const when = heap.peekWhen();
      const gap = when - this._now;
      if (gap > MAXIMUM_SELECT_TIMEOUT) this._waitCapped(when);
      else if (gap > 0) this._now = when;
    }

    // Ordering: timers due before now + resolution move to the ready queue in
    // heap pop order; even cancelled ones are popped here (and then skipped),
    // and, as in CPython, without decrementing _timer_cancelled_count.
    // Past 2**24 s, now + 1e-9 rounds back to now, and CPython's rule alone
    // would never let the earliest timer fall due (a real clock moves on; a
    // virtual one would spin): a deadline that is not after now is due too.
    const now = this._now;
    const endTime = now + CLOCK_RESOLUTION;
    const firstDue = this._ready.length;
    while (heap.length > 0 && (heap.peekWhen() < endTime || heap.peekWhen() <= now)) {
      const timer = heap.pop();
      timer._seq = -timer._seq; // _scheduled = false (it was in the heap, so _seq > 0)
      this._ready.push(timer);
      if (this._tracer !== null && !timer._cancelled) {
        this._emit({ kind: "timer-fired", t: this._now, i: this._iteration, timer: timer._id });
      }
    }
    this._todo = this._ready.length;
    if (this._policy.chooses) {
      this._choices.chooseTimers(firstDue, this._todo);
      this._choices.chooseReady(this._todo);
    }
    if (this._onIteration !== null) this._onIteration(this);
  }

  /**
   * The select() step when the earliest timer is more than a day away: the
   * wait is capped, `now = now + MAXIMUM_SELECT_TIMEOUT`. If that leaves the
   * timer not yet due, this iteration is idle, and so may be many after it
   * (a sleep(1e17) is 1.16e12 of them): `idleRun` counts them and finds the
   * clock after them, bit for bit what repeated additions give, and this
   * iteration stands for all of them: the iteration number moves on by their
   * count, the clock to where the last one leaves it, and `_onIteration` is
   * called once. Nothing else can tell: an idle iteration runs no handle,
   * takes no decision and emits no trace event, and the ones after this one
   * start from the same heap with nothing to clean up (this iteration left a
   * live timer at the head, and the rebuild test stays false: it was false
   * or it reset the count, and popping cancelled heads only lowers the
   * cancelled fraction). The iteration that runs the timer is an ordinary one.
   * A deadline the clock can never step to (see idleRun) is a DeadlockError.
   */
  private _waitCapped(when: number): void {
    const run = idleRun(this._now, when, MAXIMUM_SELECT_TIMEOUT, CLOCK_RESOLUTION, Number.MAX_SAFE_INTEGER - this._iteration);
    if (run.stalled !== null) this._unreachable(when, run);
    if (run.iterations === 0) {
      this._now = this._now + MAXIMUM_SELECT_TIMEOUT; // the timer is due after this one capped wait
      return;
    }
    this._iteration += run.iterations - 1;
    this._now = run.clock;
    this._skipped = run.iterations - 1;
    this._skippedAt = this._iteration;
  }

  /** The earliest timer's deadline cannot be reached by stepping the clock: say why, and who waits. */
  private _unreachable(when: number, run: IdleRun): never {
    const timer = this._scheduled.items[0];
    const why =
      run.stalled === "rounding"
        ? `after ${run.iterations} idle iterations, at t=${run.clock}, t + ${MAXIMUM_SELECT_TIMEOUT} rounds back to t and the clock stops`
        : `its idle iterations would take the iteration number past ${Number.MAX_SAFE_INTEGER} (2**53 - 1) ` +
          `by t=${run.clock}, where counting stops being exact`;
    throw new DeadlockError(
      `deadlock at t=${this._now} (iteration ${this._iteration}): nothing is ready, and the earliest timer, ` +
        `timer #${timer._id} (${timer.describeTimer()}) due at t=${when}, can never fire: the loop waits at most ` +
        `${MAXIMUM_SELECT_TIMEOUT} s per iteration (asyncio's MAXIMUM_SELECT_TIMEOUT) and ${why}. ` +
        `CPython would wait forever.\n${this._describePending()}`,
    );
  }

  /**
   * What the loop holds right now, for step-through tools: the handles this
   * iteration will run (in order), the live timers by deadline, the timer
   * heap as its array (heapq's order, cancelled entries included, as asyncio
   * keeps them until they are popped or the heap is rebuilt), and how many
   * idle iterations before this one were counted rather than run (a long
   * sleep's days of waiting: one snapshot for all of them).
   */
  snapshot(): {
    iteration: number;
    time: number;
    ready: string[];
    timers: { when: number; what: string }[];
    heap: { when: number; what: string; cancelled: boolean }[];
    current: string | null;
    /** idle iterations just before this one that the loop counted instead of running (none ran a handle) */
    skipped: number;
  } {
    const ready: string[] = [];
    for (let i = 0; i < this._ready.length; i++) {
      const h = this._ready.at(i);
      if (h._fn === null) continue;
      ready.push(isTaskCallback(h._fn) ? `step ${describeCandidate(h._a0)}` : this._describeHandle(h));
    }
    const timers = this._scheduled.items
      .filter((t) => !t._cancelled)
      .sort((a, b) => a._when - b._when || a._id - b._id)
      .map((t) => ({ when: t._when, what: `timer #${t._id} ${t.describeTimer()}` }));
    const heap = this._scheduled.items.map((t) => ({ when: t._when, what: `timer #${t._id} ${t.describeTimer()}`, cancelled: t._cancelled }));
    const skipped = this._skippedAt === this._iteration ? this._skipped : 0;
    return { iteration: this._iteration, time: this._now, ready, timers, heap, current: this._currentTask?.getName() ?? null, skipped };
  }

  private _deadlock(): never {
    throw new DeadlockError(deadlockReport(this._now, this._pendingTasks()));
  }

  /** The deadlock report's body: the wait-for cycles, then one line per unfinished task and what it waits on. */
  private _describePending(): string {
    const report = deadlockReport(this._now, this._pendingTasks());
    return report.slice(report.indexOf("\n") + 1);
  }

  private _budgetExceeded(): never {
    const current = this._currentTask ? ` (running: ${this._currentTask.getName()})` : "";
    throw new StepBudgetExceeded(
      `step budget exceeded: ran ${this._maxSteps} handles by t=${this._now}${current}; ` +
        `is a task looping forever (a livelock)? Raise LoopOptions.maxSteps if the program is just long`,
    );
  }

  /**
   * @internal An async step is over (the body suspended or settled): carry on
   * with the next handle in a fresh microtask. Waiting one microtask also
   * catches a second await started in the same step (Promise.all over vloop
   * awaitables), which would otherwise be taken for another task's.
   */
  _scheduleResume(task: LoopTask): void {
    this._resumePending = task;
    if (this._resumeCallback === null) {
      this._resumeCallback = () => {
        this._resumePending = null;
        const onResume = this._onResume;
        if (onResume !== null) onResume();
      };
    }
    // A reaction on a settled promise is a plain microtask: Node's queueMicrotask
    // also makes an async-hooks resource per call (measured ~8% of an async-style run).
    RESOLVED.then(this._resumeCallback);
  }

  /**
   * @internal The IO phase's wait (src/net/network.ts): nothing is ready and
   * a message arrives before any timer is due, so select() returns then.
   */
  _advanceClock(t: number): void {
    if (t > this._now) this._now = t;
  }

  /** @internal the earliest deadline of a live timer (Infinity: none), without touching the heap */
  _nextTimerWhen(): number {
    const items = this._scheduled.items;
    if (items.length === 0) return Infinity;
    if (!items[0]._cancelled) return items[0]._when;
    let when = Infinity;
    for (const t of items) if (!t._cancelled && t._when < when) when = t._when;
    return when;
  }

  /** @internal Stop the run with `error` at the next chance (see run drivers). */
  _fatal(error: unknown): void {
    if (this._fatalError === undefined) this._fatalError = error;
  }

  /** @internal registers a new task (asyncio's _register_task). */
  _addTask(task: LoopTask): void {
    this._taskList.push(task);
    if (this._hosts !== null) this._hosts._placeTask(task);
  }

  /**
   * @internal An eager task (eagerTaskFactory) is placed on its host before
   * its first step, which runs inside createTask, and listed after it, as the
   * recorder lists tasks when create_task returns (a task its eager step
   * creates comes first); allTasks() sees it during the step, as asyncio's
   * _eager_tasks set lets all_tasks() see it.
   */
  _placeEagerTask(task: LoopTask): void {
    if (this._hosts !== null) this._hosts._placeTask(task);
    (this._eagerTasks ??= []).push(task);
  }

  /** @internal the eager step is over: list the task (see _placeEagerTask) */
  _listEagerTask(task: LoopTask): void {
    (this._eagerTasks as LoopTask[]).pop();
    this._taskList.push(task);
  }

  /**
   * @internal The simulated network once it has hosts: it places every new
   * task on its creator's host, and names a task's host for traces. (An
   * object with methods, not closures: see SelectorIo in net/selectorLoop.ts.)
   */
  _hosts: TaskHosts | null = null;

  /**
   * @internal a task finished: drop finished tasks from the registry once
   * they are the majority (amortised O(1), 8 bytes per live task).
   */
  _taskFinished(): void {
    const list = this._taskList;
    if (++this._tasksDone > 32 && this._tasksDone * 2 > list.length) {
      this._taskList = list.filter((t) => !t.done());
      this._tasksDone = 0;
    }
  }

  /** @internal the unfinished tasks, in creation order. */
  _pendingTasks(): LoopTask[] {
    const pending = this._taskList.filter((t) => !t.done());
    if (this._eagerTasks !== null) for (const t of this._eagerTasks) if (!t.done()) pending.push(t);
    return pending;
  }

  /** @internal asyncio's _enter_task */
  _enterTask(task: LoopTask): void {
    if (this._currentTask !== null) {
      throw new RuntimeError(
        `Cannot enter into task ${task.getName()} while another task ${this._currentTask.getName()} is being executed.`,
      );
    }
    this._currentTask = task;
  }

  /** @internal asyncio's _leave_task */
  _leaveTask(task: LoopTask): void {
    if (this._currentTask !== task) {
      throw new RuntimeError(`Leaving task ${task.getName()} does not match the current task.`);
    }
    this._currentTask = null;
  }
}
