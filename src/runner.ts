/**
 * Runner: asyncio.Runner (Python 3.11+), several runs on one loop.
 *
 * `asyncio.run(main)` is `with Runner() as r: r.run(main)`. A Runner keeps its
 * loop between run() calls: tasks a run leaves behind, timers and the clock
 * carry on into the next run (as run_until_complete calls on one loop do),
 * and close() ends it as asyncio.run ends: every task still pending is
 * cancelled, in creation order, the loop runs until they are all done, a task
 * that raised instead of letting the cancellation out is reported, and the
 * loop is closed. That is what a test suite wants for a fixture that outlives
 * one test: start a server in one run(), talk to it in the next ones.
 *
 * Each run() makes its coroutine a task (Task-1 for the first, as
 * asyncio.run's main) and runs the loop until that task is done; what its
 * coroutine raises is what run() throws.
 */
import { RuntimeError } from "./errors.js";
import type { EventLoop } from "./futures/eventLoop.js";
import type { CoroutineInput, Task } from "./futures/task.js";
import { steppingLoop } from "./loop/running.js";
import { type LoopOptions, cancelAll, checkLoopOptions, checkMain, newEventLoop, reportShutdownErrors } from "./run.js";
import { extraArgument } from "./util/args.js";

const CREATED = 0;
const INITIALIZED = 1;
const CLOSED = 2;

/**
 * A loop that outlives one run: `run()` as often as needed, then `close()`.
 * Mirrors `asyncio.Runner` (with LoopOptions in place of `debug` and
 * `loop_factory`, and `close()`/`closeSync()` in place of the `with` block).
 * @example
 * const runner = new Runner();
 * const server = await runner.run(() => startServer(handle, "127.0.0.1", 8080));
 * await runner.run(() => client()); // the server from the first run answers
 * await runner.close(); // cancels what is left, as asyncio.run ends
 */
export class Runner {
  private _state = CREATED;
  private _loop: EventLoop | null = null;
  private readonly _options: LoopOptions | undefined;

  /**
   * A runner whose loop is made, with these options (as run()'s), at its first use.
   * @throws TypeError for a bad LoopOptions field, or for a second argument.
   */
  constructor(options?: LoopOptions);
  constructor(options?: LoopOptions, extra?: unknown) {
    if (extra !== undefined) throw extraArgument("Runner()", "one argument, the loop options", extra);
    checkLoopOptions(options, "Runner"); // now, where they enter, as run() checks its own
    this._options = options;
  }

  /**
   * The runner's loop (made now if no run() has made it). Mirrors `Runner.get_loop()`.
   * @throws RuntimeError "Runner is closed".
   * @example const loop = new Runner().getLoop();
   */
  getLoop(): EventLoop {
    return this._lazyInit();
  }

  /**
   * Runs `main` as a task on the runner's loop until it is done, and returns
   * its result; tasks it leaves pending carry on in the next run. Both
   * coroutine styles. Mirrors `Runner.run(coro)`.
   * @throws at once: ValueError if `main` is not a coroutine; RuntimeError
   *   "Runner is closed", or when called from a running loop. Rejects with what
   *   `main` raises, DeadlockError, StepBudgetExceeded.
   * @example const value = await runner.run(async () => { await sleep(1); return 42; });
   */
  run<T>(main: CoroutineInput<T>): Promise<T> {
    return this._loopFor(main, "run").runUntilComplete(this._task(main));
  }

  /**
   * run() for generator coroutines, synchronously. Mirrors `Runner.run(coro)`.
   * @throws what run() throws or rejects with, and a UsageError if a task is an async function.
   * @example const value = runner.runSync(function* () { yield* sleep(1); return 42; });
   */
  runSync<T>(main: Generator<unknown, T, unknown> | (() => Generator<unknown, T, unknown>)): T {
    return this._loopFor(main, "runSync").runUntilCompleteSync(this._task(main));
  }

  /**
   * Ends the runner as asyncio.run ends: cancels every pending task (in
   * creation order), runs the loop until they are done, reports a task that
   * raised instead (`loop.unhandled`, the exception handler), and closes the
   * loop. Closing again does nothing; so does closing a runner that has no
   * loop yet (and it can still make one, as asyncio's can). Mirrors
   * `Runner.close()` (the end of `with asyncio.Runner() as runner:`).
   * @throws RuntimeError when called from a running loop. Rejects with
   *   DeadlockError or StepBudgetExceeded from the tasks' clean-up.
   * @example await runner.close();
   */
  close(): Promise<void> {
    const loop = this._closing("close");
    return loop === null ? Promise.resolve() : this._shutDown(loop);
  }

  private async _shutDown(loop: EventLoop): Promise<void> {
    try {
      const cancelled = loop._pendingTasks() as Task<unknown>[];
      if (cancelled.length > 0) {
        await loop.runUntilComplete(cancelAll(cancelled));
        reportShutdownErrors(loop, cancelled);
      }
    } finally {
      this._closed(loop);
    }
  }

  /**
   * close() for generator coroutines, synchronously. Mirrors `Runner.close()`.
   * @throws what close() throws or rejects with, and a UsageError if a task is an async function.
   * @example runner.closeSync();
   */
  closeSync(): void {
    const loop = this._closing("closeSync");
    if (loop === null) return;
    try {
      const cancelled = loop._pendingTasks() as Task<unknown>[];
      if (cancelled.length > 0) {
        loop.runUntilCompleteSync(cancelAll(cancelled));
        reportShutdownErrors(loop, cancelled);
      }
    } finally {
      this._closed(loop);
    }
  }

  /** The loop to close, or null when there is nothing to do. */
  private _closing(what: string): EventLoop | null {
    if (steppingLoop() !== null) throw new RuntimeError(`Runner.${what}() cannot be called from a running event loop`);
    if (this._state !== INITIALIZED) return null;
    return this._loop as EventLoop;
  }

  private _closed(loop: EventLoop): void {
    loop.close();
    this._loop = null;
    this._state = CLOSED;
  }

  /** Runner.run's checks, in its order: the coroutine, the running loop, the state. */
  private _loopFor(main: unknown, what: string): EventLoop {
    checkMain(main, `Runner.${what}`);
    if (steppingLoop() !== null) throw new RuntimeError(`Runner.${what}() cannot be called from a running event loop`);
    return this._lazyInit();
  }

  private _task<T>(main: CoroutineInput<T>): Task<T> {
    return (this._loop as EventLoop).createTask(main);
  }

  private _lazyInit(): EventLoop {
    if (this._state === CLOSED) throw new RuntimeError("Runner is closed");
    if (this._state === CREATED) {
      this._loop = newEventLoop(this._options);
      this._state = INITIALIZED;
    }
    return this._loop as EventLoop;
  }
}
