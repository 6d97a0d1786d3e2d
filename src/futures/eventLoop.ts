/**
 * EventLoop: the loop core plus the factories for futures and tasks
 * (asyncio's `loop.create_future()` / `loop.create_task()`), and the loop's
 * own run methods for loops made with newEventLoop(): run_until_complete,
 * run_forever, stop, close (asyncio's BaseEventLoop).
 *
 * Each run method comes twice, as run() and runSync() do: `runUntilComplete`
 * and `runForever` return a Promise and drive async-function coroutines too;
 * `runUntilCompleteSync` and `runForeverSync` return at once and drive
 * generator coroutines only. A misuse that asyncio raises before it runs
 * anything (a closed loop, a loop already running, a run nested in a running
 * loop, a bad argument) is thrown at once by both; what the run itself raises
 * is thrown by the Sync ones and rejects the Promise of the others.
 */
import { RuntimeError, ValueError } from "../errors.js";
import { BaseEventLoop, type BaseLoopOptions } from "../loop/baseEventLoop.js";
import { AsyncDrive, type Phases, driveSync } from "../loop/drive.js";
import { steppingLoop } from "../loop/running.js";
import { Future, isFuture } from "./future.js";
import { type CoroutineInput, Task, taskOptionName } from "./task.js";
import { quietRefused, startedPromiseError } from "./coroutineInput.js";
import { extraArgument } from "../util/args.js";
import { showTyped, showValue } from "../util/showValue.js";

/**
 * What makes a loop's tasks (loop.setTaskFactory): given the loop and the
 * coroutine, a Task of that loop. asyncio's task factory, without `context`.
 */
export type TaskFactory = (loop: EventLoop, coro: CoroutineInput<unknown>) => Task<unknown>;

/**
 * asyncio's eager_task_factory (Python 3.12): a task factory whose tasks run
 * their first step at once, inside createTask, when the loop is running.
 * A coroutine that never suspends is done before createTask returns, and
 * never goes through the ready queue; one that suspends waits as any task
 * does. Set it with `getRunningLoop().setTaskFactory(eagerTaskFactory)`.
 * Eager tasks take generator coroutines (function*), from either style: an
 * async function's body suspends in microtasks, after createTask returns,
 * and such a task stops the run with a UsageError that says so.
 * @throws UsageError (ending the run) for an async function coroutine;
 *   TypeError if `loop` is not an EventLoop or `coro` not a coroutine.
 * @example
 * getRunningLoop().setTaskFactory(eagerTaskFactory);
 * const t = createTask(quick()); // quick(), a function*, ran up to its first suspension
 */
export function eagerTaskFactory(loop: EventLoop, coro: CoroutineInput<unknown>): Task<unknown> {
  if (!(loop instanceof EventLoop)) {
    throw new TypeError(`eagerTaskFactory: the first argument must be the loop, as loop.createTask passes it (got ${showValue(loop)})`);
  }
  return new Task<unknown>(coro, loop, undefined, true);
}

/**
 * @internal run_until_complete's done callback (asyncio.run's too): stop the
 * future's loop. A function, not a closure per call; traces name it "stop".
 */
export function stop(fut: Future<unknown>): void {
  fut._loop.stop();
}

/** asyncio's run_until_complete: run the loop until the future's done callback stops it. */
class UntilComplete<T> implements Phases<T> {
  constructor(
    private readonly loop: EventLoop,
    private readonly fut: Future<T>,
    private readonly newTask: boolean,
  ) {}

  begin(): void {
    this.loop._beginRun();
  }

  advance(): boolean {
    const loop = this.loop;
    if (loop._fatalError !== undefined) throw loop._fatalError;
    return loop._runUntilStopped();
  }

  result(): T {
    if (!this.fut.done()) throw new RuntimeError("Event loop stopped before Future completed.");
    return this.fut.result();
  }

  end(): void {
    const fut = this.fut;
    endRun(this.loop);
    fut.removeDoneCallback(stop);
    // The caller has no other handle on a task made here: its exception is
    // the call's (asyncio consumes it so it is not reported as never retrieved).
    if (this.newTask && fut.done() && !fut.cancelled()) fut.exception();
  }
}

/** asyncio's run_forever: run the loop until stop() takes effect. */
class Forever implements Phases<void> {
  constructor(private readonly loop: EventLoop) {}

  begin(): void {
    this.loop._beginRun();
  }

  advance(): boolean {
    const loop = this.loop;
    if (loop._fatalError !== undefined) throw loop._fatalError;
    return loop._runUntilStopped();
  }

  result(): void {}

  end(): void {
    endRun(this.loop);
  }
}

/** run_forever's `finally`: a stop() asked for during the run does not carry over; a fatal error was this run's. */
function endRun(loop: EventLoop): void {
  loop._stopping = false;
  loop._fatalError = undefined;
  loop._syncOnly = false;
}

/**
 * The event loop of a run (asyncio's BaseEventLoop): get it inside a run
 * with getRunningLoop(). run()/runSync() create and drive one; newEventLoop()
 * makes one that you drive yourself with runUntilComplete() or runForever().
 * @example getRunningLoop().callLater(1, () => log("a second later"));
 */
export class EventLoop extends BaseEventLoop {
  /** @internal the counter behind "Task-<n>", per loop */ _taskCounter = 0;
  /** @internal what createTask calls to make a task (setTaskFactory), or null: `new Task` */ _taskFactory: TaskFactory | null = null;

  constructor(options: BaseLoopOptions) {
    super(options);
  }

  /**
   * A new pending future on this loop. Mirrors `loop.create_future()` (which
   * works on a closed loop too).
   * @example const fut = getRunningLoop().createFuture<string>();
   */
  createFuture<T = unknown>(): Future<T> {
    return new Future<T>(this);
  }

  /**
   * Wraps a coroutine in a task and schedules its first step. Mirrors `loop.create_task()`.
   * @throws TypeError for a started Promise or a non-coroutine (the message says how to fix it),
   *   for options that are not `{ name }` or for a third argument; RuntimeError if the loop is closed.
   * @example getRunningLoop().createTask(() => worker(1), { name: "w1" });
   */
  createTask<T>(coro: CoroutineInput<T>, options?: { name?: string }): Task<T>;
  createTask<T>(coro: CoroutineInput<T>, options?: { name?: string }, extra?: unknown): Task<T> {
    const name = taskOptionName("createTask", options, extra);
    this._checkClosed();
    const factory = this._taskFactory;
    if (factory === null) return new Task<T>(coro, this, name);
    // Ordering: the factory makes the task (an eager one runs its first
    // step in there, under its default name); base_events names it after.
    const task = factory(this, coro as CoroutineInput<unknown>);
    if (!(task instanceof Task) || task._loop !== this) {
      throw new TypeError(
        `createTask: the loop's task factory ${factory.name || "(anonymous)"} returned ${showValue(task)}; ` +
          `a task factory must return a Task of this loop, as eagerTaskFactory(loop, coro) does`,
      );
    }
    if (name !== undefined) task.setName(name);
    return task as Task<T>;
  }

  /**
   * @internal A task of the simulation's own (a host's main, a simulated
   * child process's program): the body of another process, which CPython
   * would run as that process's asyncio.run() main, so the task factory,
   * which is this process's, does not make it.
   */
  _createOwnTask<T>(coro: CoroutineInput<T>, name?: string): Task<T> {
    this._checkClosed();
    return new Task<T>(coro, this, name);
  }

  /**
   * Sets the function that createTask() (and everything that makes tasks:
   * gather, TaskGroup, ensureFuture, shield, servers' connection handlers)
   * calls to make a task: `factory(loop, coro)`, which returns a Task of
   * this loop; null sets the default back. Mirrors `loop.set_task_factory()`;
   * `eagerTaskFactory` is asyncio's eager_task_factory.
   * @throws TypeError if factory is neither a function nor null, or for a second argument.
   * @example
   * getRunningLoop().setTaskFactory(eagerTaskFactory);
   * const t = createTask(quick()); // quick's first step has run: t.done() if it never suspended
   */
  setTaskFactory(factory: TaskFactory | null): void;
  setTaskFactory(factory: TaskFactory | null, extra?: unknown): void {
    if (extra !== undefined) throw extraArgument("setTaskFactory()", "one argument, a task factory or null", extra);
    if (factory !== null && typeof factory !== "function") {
      throw new TypeError(`setTaskFactory: a task factory must be a function (loop, coro) => Task, or null (got ${showTyped(factory)})`);
    }
    this._taskFactory = factory;
  }

  /**
   * The task factory set by setTaskFactory(), or null for the default.
   * Mirrors `loop.get_task_factory()`.
   * @example if (getRunningLoop().getTaskFactory() === eagerTaskFactory) log("eager");
   */
  getTaskFactory(): TaskFactory | null {
    return this._taskFactory;
  }

  /**
   * Runs the loop until `future` is done and returns its result (a
   * coroutine is wrapped in a task first). The loop stops one iteration
   * after the future is done, as its done callback stops it; tasks still
   * pending stay on the loop for the next call. Mirrors
   * `loop.run_until_complete(future)`. Drives async-function coroutines
   * too; if another run is in progress, this one waits for its turn (runs
   * take turns, see run()). The loop counts as running from this call until
   * the Promise settles.
   * @throws at once: RuntimeError "Event loop is closed", "This event loop is
   *   already running", "Cannot run the event loop while another loop is
   *   running" (called from a task's step or a callback of another loop);
   *   ValueError for a future of another loop; TypeError for something not awaitable.
   *   Rejects with the future's error, RuntimeError "Event loop stopped before
   *   Future completed." (stop() was called first), DeadlockError, StepBudgetExceeded.
   * @example
   * const loop = newEventLoop();
   * const value = await loop.runUntilComplete(async () => { await sleep(1); return 42; });
   * loop.close();
   */
  runUntilComplete<T>(future: Future<T> | CoroutineInput<T>): Promise<T> {
    this._checkRunnable();
    const [fut, newTask] = this._futureFor(future);
    fut.addDoneCallback(stop);
    return new Promise<T>((resolve, reject) => new AsyncDrive<T>(this, new UntilComplete(this, fut, newTask), resolve, reject).start());
  }

  /**
   * runUntilComplete() for generator coroutines, synchronously: returns the
   * future's result. It may run while another run() is in flight (paused
   * between microtasks): it runs to its end in between. Mirrors
   * `loop.run_until_complete(future)`.
   * @throws what runUntilComplete() throws or rejects with, and a UsageError
   *   if a task's coroutine is an async function (use runUntilComplete()).
   * @example
   * const loop = newEventLoop();
   * const value = loop.runUntilCompleteSync(function* () { yield* sleep(1); return 42; });
   * loop.close();
   */
  runUntilCompleteSync<T>(future: Future<T> | CoroutineInput<T>): T {
    this._checkRunnable();
    const [fut, newTask] = this._futureFor(future);
    fut.addDoneCallback(stop);
    this._syncOnly = true;
    return driveSync(this, new UntilComplete(this, fut, newTask));
  }

  /**
   * Runs the loop until stop() is called; the loop stops at the end of the
   * iteration in which stop() was called (stop() before this call: it runs
   * one iteration). Mirrors `loop.run_forever()`. Drives async-function
   * coroutines too; waits for its turn if another run is in progress.
   * @throws at once: RuntimeError, as runUntilComplete(). Rejects with
   *   DeadlockError when nothing can run and stop() was not called (asyncio
   *   would wait forever), StepBudgetExceeded.
   * @example
   * const loop = newEventLoop();
   * loop.callLater(5, () => loop.stop());
   * await loop.runForever(); // loop.time() === 5
   */
  runForever(): Promise<void> {
    this._checkRunnable();
    return new Promise<void>((resolve, reject) => new AsyncDrive<void>(this, new Forever(this), resolve, reject).start());
  }

  /**
   * runForever() for generator coroutines, synchronously. Mirrors `loop.run_forever()`.
   * @throws what runForever() throws or rejects with, and a UsageError if a
   *   task's coroutine is an async function (use runForever()).
   * @example
   * const loop = newEventLoop();
   * loop.callSoon(() => loop.stop());
   * loop.runForeverSync();
   */
  runForeverSync(): void {
    this._checkRunnable();
    this._syncOnly = true;
    driveSync(this, new Forever(this));
  }

  /**
   * Closes the loop: what is ready and every timer is dropped, tasks whose
   * exception nobody retrieved are reported (see `unhandled`), and the loop
   * can no longer run or schedule callbacks. Closing twice does nothing.
   * Mirrors `loop.close()`.
   * @throws RuntimeError "Cannot close a running event loop".
   * @example const loop = newEventLoop(); loop.close(); loop.isClosed(); // true
   */
  close(): void {
    if (this._running) throw new RuntimeError("Cannot close a running event loop");
    if (this._closed) return;
    this._closed = true;
    this._dropScheduled();
    this._reportUnretrieved();
  }

  /** asyncio's _check_closed and _check_running, in its order. */
  private _checkRunnable(): void {
    this._checkClosed();
    if (this._running) throw new RuntimeError("This event loop is already running");
    if (steppingLoop() !== null) throw new RuntimeError("Cannot run the event loop while another loop is running");
  }

  /** ensure_future(future, loop=self): the future itself, or a new task; and whether it is new. */
  private _futureFor<T>(aw: Future<T> | CoroutineInput<T>): [Future<T>, boolean] {
    if (isFuture(aw)) {
      if (aw._loop !== this) throw new ValueError("The future belongs to a different loop than the one specified as the loop argument");
      return [aw as Future<T>, false];
    }
    const isObject = aw !== null && typeof aw === "object";
    if (isObject && typeof (aw as { then?: unknown }).then === "function" && !(Symbol.iterator in (aw as object))) {
      quietRefused(aw as PromiseLike<unknown>);
      throw startedPromiseError("runUntilComplete");
    }
    if (typeof aw !== "function" && !(isObject && (Symbol.iterator in (aw as object) || "next" in (aw as object)))) {
      throw new TypeError(`runUntilComplete: a Future, a coroutine or an awaitable is required (got ${String(aw)})`);
    }
    return [this.createTask(aw as CoroutineInput<T>), true];
  }
}
