/**
 * run() and runSync(): asyncio.run on a fresh virtual-time loop.
 *
 * The phases follow `asyncio.run` (as the conformance recorder runs it):
 * 1. the main coroutine becomes Task-1; the loop runs until that task's done
 *    callback stops it (one iteration after it finished);
 * 2. every task still pending is cancelled, in creation order, and the loop
 *    runs until a gather(..., returnExceptions) of them is done;
 * 3. the loop is closed; main's result is returned (or its error thrown).
 * Deadlock (nothing ready, no timer) in either phase throws DeadlockError.
 *
 * runSync() runs generator coroutines with no microtask at all. run() also
 * drives async functions: while a task's async body runs in microtasks the
 * loop pauses and carries on when the body suspends (see loop/drive.ts, which
 * also has the watchdog for bodies that await foreign promises). Several
 * run() calls may be in flight at once: they take turns (loop/turns.ts), so
 * each gives exactly what it gives alone.
 */
import { gatherAll } from "./asyncio/gather.js";
import { RuntimeError, ValueError } from "./errors.js";
import { EventLoop, stop } from "./futures/eventLoop.js";
import type { CoroutineInput, Task } from "./futures/task.js";
import { coroutineExpected, isAsyncGeneratorFunction, isCoroutineObject, isStartedPromise, quietRefused, startedPromiseError } from "./futures/coroutineInput.js";
import { type Future, isFuture } from "./futures/future.js";
import type { ExceptionHandler } from "./loop/baseEventLoop.js";
import { AsyncDrive, type Phases, driveSync } from "./loop/drive.js";
import type { Tracer } from "./loop/trace.js";
import { steppingLoop } from "./loop/running.js";
import type { SchedulingPolicy } from "./schedule/policy.js";
import { resolvePolicy } from "./schedule/resolve.js";
import { showTyped, showValue } from "./util/showValue.js";
import { checkOptionNames } from "./util/args.js";

/** Options of run()/runSync(): the loop's seed, strategy, budget, and tools' hooks. */
export interface LoopOptions {
  /** Seed of the loop's PRNG (random strategies); default 0. */
  seed?: string | number;
  /** "cpython" (default), "fifo", "random", "pct" (depth 2), or a SchedulingPolicy object. */
  strategy?: "cpython" | "fifo" | "random" | "pct" | string | SchedulingPolicy;
  /** Step budget: handles run before a livelock is declared (default 50,000,000). */
  maxSteps?: number;
  /** Receives trace events (off when absent). */
  tracer?: Tracer;
  /** Called with the loop before the main task is created (for tools: tape, unhandled errors). */
  onLoop?: (loop: EventLoop) => void;
  /** Keep a record of every decision (loop.choiceLog), for reports. */
  recordChoices?: boolean;
  /** Seconds a timer may fire early or late, as a recorded choice (choosing strategies only). */
  jitter?: number;
  /**
   * Multiply every fault probability of the simulated network (link loss,
   * `network().maybe`) by this, for random strategies (default 1; 0: no
   * faults). Swarm exploration draws one per run.
   */
  faultScale?: number;
  /**
   * Called once per loop iteration (step-through tools): see EventLoop.snapshot().
   * A run of idle iterations (a long sleep waits a day per iteration) is counted,
   * not run: one call stands for all of them, and snapshot().skipped says how many.
   */
  onIteration?: (loop: EventLoop) => void;
  /** Receives every line that log() prints during the run, e.g. `{ onLog: console.log }`. */
  onLog?: (line: string) => void;
  /** The loop's exception handler from the start (see EventLoop.setExceptionHandler). */
  onException?: ExceptionHandler;
}

/** The hooks of LoopOptions: each a function when given. */
const HOOKS = ["onLoop", "onIteration", "onLog", "onException"] as const;
/** LoopOptions' names: a misspelt one would otherwise be ignored (a run in CPython's order that was meant to be random). */
const LOOP_OPTIONS = ["seed", "strategy", "maxSteps", "tracer", "recordChoices", "jitter", "faultScale", ...HOOKS] as const;

/**
 * @internal Every LoopOptions field is checked where the options enter (a run makes
 * one loop): a wrong value is named here rather than silently changing the
 * run (a NaN budget that never runs out, a strategy object that crashes
 * mid-run). maxSteps, strategy and jitter are checked by the loop and
 * resolvePolicy, which exploration uses too.
 */
export function checkLoopOptions(options: unknown, what: string): asserts options is LoopOptions | undefined {
  if (options === undefined) return;
  if (options === null || typeof options !== "object") {
    throw new TypeError(`${what}: options must be an object (LoopOptions) or omitted (got ${showValue(options)})`);
  }
  checkOptionNames(what, options, LOOP_OPTIONS);
  const o = options as Record<string, unknown>;
  const seed = o.seed;
  if (seed !== undefined && typeof seed !== "string" && !(typeof seed === "number" && Number.isFinite(seed))) {
    throw new TypeError(`${what}: seed must be a string or a finite number (got ${showTyped(seed)})`);
  }
  for (const hook of HOOKS) {
    const fn = o[hook];
    if (fn !== undefined && fn !== null && typeof fn !== "function") {
      throw new TypeError(`${what}: ${hook} must be a function (got ${showValue(fn)})`);
    }
  }
  const tracer = o.tracer;
  if (tracer !== undefined && tracer !== null && typeof (tracer as { emit?: unknown }).emit !== "function") {
    throw new TypeError(`${what}: tracer must be an object with an emit(event) method (got ${showValue(tracer)})`);
  }
  if (o.recordChoices !== undefined && typeof o.recordChoices !== "boolean") {
    throw new TypeError(`${what}: recordChoices must be a boolean (got ${showValue(o.recordChoices)})`);
  }
}

function makeLoop(options: LoopOptions | undefined): EventLoop {
  const seed = options?.seed ?? 0;
  const loop = new EventLoop({
    policy: resolvePolicy(options?.strategy, seed),
    maxSteps: options?.maxSteps,
    tracer: options?.tracer ?? null,
    recordChoices: options?.recordChoices,
    jitter: options?.jitter,
    faultScale: options?.faultScale,
  });
  if (options?.onIteration) loop._onIteration = options.onIteration as (l: unknown) => void;
  if (options?.onException) loop.setExceptionHandler(options.onException);
  if (options?.onLog) loop._logSink = options.onLog;
  options?.onLoop?.(loop);
  return loop;
}

/**
 * @internal asyncio.run's check: `ValueError: a coroutine was expected, got X`, at the
 * call (a started Promise, a future, an async generator, an array...).
 */
export function checkMain(main: unknown, what: string): void {
  if (isStartedPromise(main)) {
    quietRefused(main);
    throw new ValueError(startedPromiseError(what).message);
  }
  const ok = typeof main === "function" ? !isAsyncGeneratorFunction(main) : !isFuture(main) && isCoroutineObject(main);
  if (!ok) throw new ValueError(coroutineExpected(what, main).message);
}

/**
 * @internal The first half of asyncio.runners._cancel_all_tasks: cancel each task, in
 * creation order, and gather them (returnExceptions) with the loop's stop()
 * as the gather's done callback. The loop then runs until it is done.
 */
export function cancelAll(toCancel: Task<unknown>[]): Future<unknown[]> {
  for (const t of toCancel) t.cancel();
  const all = gatherAll(toCancel, { returnExceptions: true }); // (not a spread: there may be any number of tasks)
  all.addDoneCallback(stop);
  return all;
}

/**
 * @internal The second half of _cancel_all_tasks: a task that ended in an exception rather than cancelled
 * (it caught the CancelledError and raised something else) goes to the
 * loop's exception handler, as asyncio reports it; the gather had retrieved
 * it, so nothing else would.
 */
export function reportShutdownErrors(loop: EventLoop, cancelled: Task<unknown>[]): void {
  for (const task of cancelled) {
    if (task.cancelled()) continue;
    const exception = task.exception();
    if (exception !== undefined) loop._reportException({ message: "unhandled exception during asyncio.run() shutdown", exception, task });
  }
}

/** The phases of asyncio.run, resumable so that async steps can pause it. */
class AsyncioRun<T> implements Phases<T> {
  // (set in the constructor rather than by field initializers: one Runner per
  // run, and exploration makes a run per schedule; see Future's constructor)
  private declare phase: "main" | "shutdown" | "done";
  private declare mainTask: Task<T> | null;
  private declare waitingFor: Future<unknown> | null;
  /** the tasks the shutdown cancelled */
  private declare cancelled: Task<unknown>[] | null;
  private declare readonly loop: EventLoop;
  private declare readonly main: CoroutineInput<T>;

  constructor(loop: EventLoop, main: CoroutineInput<T>) {
    this.phase = "main";
    this.mainTask = null;
    this.waitingFor = null;
    this.cancelled = null;
    this.loop = loop;
    this.main = main;
  }

  begin(): void {
    const mainTask = this.loop.createTask(this.main);
    mainTask.addDoneCallback(stop);
    this.mainTask = this.waitingFor = mainTask;
  }

  /** Runs as far as possible; true when the whole run is over. */
  advance(): boolean {
    const loop = this.loop;
    for (;;) {
      if (loop._fatalError !== undefined) throw loop._fatalError;
      if (!loop._runUntilStopped()) return false;
      if (!(this.waitingFor as Future<unknown>).done()) throw new RuntimeError("Event loop stopped before Future completed.");
      if (this.phase === "shutdown" || !this.startShutdown()) {
        if (this.cancelled !== null) reportShutdownErrors(loop, this.cancelled);
        this.phase = "done";
        return true;
      }
    }
  }

  /** asyncio.runners._cancel_all_tasks, in creation order. */
  private startShutdown(): boolean {
    this.phase = "shutdown";
    const toCancel: Task<unknown>[] = [];
    for (const t of this.loop._pendingTasks()) toCancel.push(t as Task<unknown>);
    if (toCancel.length === 0) return false;
    this.cancelled = toCancel;
    this.waitingFor = cancelAll(toCancel);
    return true;
  }

  result(): T {
    return (this.mainTask as Task<T>).result();
  }

  /** asyncio.run's `finally: loop.close()`, after reporting exceptions nobody retrieved. */
  end(): void {
    const loop = this.loop;
    loop._reportUnretrieved();
    loop._closed = true;
  }
}

/**
 * Runs a generator coroutine to completion on a new virtual-time loop,
 * synchronously. Mirrors `asyncio.run` (for generator coroutines only).
 * It may run while another run() is in flight (paused between microtasks):
 * it runs to its end in between, and that run carries on afterwards.
 * @throws the main coroutine's error; DeadlockError; StepBudgetExceeded;
 *   UsageError if a task is an async function; RuntimeError from a callback,
 *   a generator step, or an async body before its first await (a running loop);
 *   at once, ValueError if `main` is not a coroutine (as asyncio.run) and
 *   TypeError/ValueError for a bad LoopOptions field.
 * @example
 * const result = runSync(function* () { yield* sleep(1); return 42; });
 */
export function runSync<T>(
  main: Generator<unknown, T, unknown> | (() => Generator<unknown, T, unknown>),
  options?: LoopOptions,
): T {
  if (steppingLoop() !== null) throw new RuntimeError("runSync() cannot be called from a running event loop");
  checkMain(main, "runSync");
  checkLoopOptions(options, "runSync");
  return runSyncOn(makeLoop(options), main);
}

/**
 * @internal runSync on a loop the caller made (exploration makes one per run
 * and reads its tape afterwards, without an onLoop closure per run).
 */
export function runSyncOn<T>(loop: EventLoop, main: Generator<unknown, T, unknown> | (() => Generator<unknown, T, unknown>)): T {
  if (steppingLoop() !== null) throw new RuntimeError("runSync() cannot be called from a running event loop");
  loop._syncOnly = true;
  return driveSync(loop, new AsyncioRun<T>(loop, main));
}

/**
 * Runs a coroutine (generator or async function) to completion on a new
 * virtual-time loop. Mirrors `asyncio.run(main)`.
 * Several runs may be in flight at once (`Promise.all([run(a), run(b)])`):
 * they take turns, each from its start to its end, in the order they were
 * called, and each gives exactly what it gives alone.
 * @throws (rejects with) the main coroutine's error, DeadlockError,
 *   StepBudgetExceeded, or a UsageError naming a task that awaited a foreign promise
 *   (or a run it started itself, which waits for its turn).
 *   Throws at once: RuntimeError if called from a callback, a generator step,
 *   or an async body before its first await (a running loop); ValueError if
 *   `main` is not a coroutine (a started Promise, an async generator...), as
 *   asyncio.run; TypeError/ValueError for a bad LoopOptions field.
 * @example
 * const result = await run(async () => { await sleep(1); return 42; });
 */
export function run<T>(main: CoroutineInput<T>, options?: LoopOptions): Promise<T> {
  if (steppingLoop() !== null) throw new RuntimeError("run() cannot be called from a running event loop");
  checkMain(main, "run");
  checkLoopOptions(options, "run");
  return runOn(makeLoop(options), main);
}

/** @internal run() on a loop the caller made (exploration makes one per run). */
export function runOn<T>(loop: EventLoop, main: CoroutineInput<T>): Promise<T> {
  if (steppingLoop() !== null) throw new RuntimeError("run() cannot be called from a running event loop");
  return new Promise<T>((resolve, reject) => new AsyncDrive<T>(loop, new AsyncioRun<T>(loop, main), resolve, reject).start());
}

/**
 * A new event loop that you drive yourself: `runUntilComplete()` and
 * `runForever()` (or their Sync forms for generator coroutines), `stop()`,
 * `close()`, `isRunning()`, `isClosed()`. Tasks and timers stay on the loop
 * between calls, and its clock goes on from where it stopped. Takes the
 * options of run() (seed, strategy, maxSteps, tracer, onLog, ...). Unlike
 * run(), nothing cancels the tasks left at the end: close() drops them.
 * Mirrors `asyncio.new_event_loop()`.
 * @throws what run() throws for bad options (an unknown strategy, a bad jitter).
 * @example
 * const loop = newEventLoop({ seed: 1 });
 * const t = loop.createTask(() => ticker());
 * await loop.runUntilComplete(sleep(2.5)); // ticker ran for 2.5 virtual seconds
 * loop.close();
 */
export function newEventLoop(options?: LoopOptions): EventLoop {
  checkLoopOptions(options, "newEventLoop");
  return makeLoop(options);
}
