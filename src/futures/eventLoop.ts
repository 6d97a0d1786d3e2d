/**
 * EventLoop: the loop core plus the factories for futures and tasks
 * (asyncio's `loop.create_future()` / `loop.create_task()`).
 */
import { BaseEventLoop, type BaseLoopOptions } from "../loop/baseEventLoop.js";
import { Future } from "./future.js";
import { type CoroutineInput, Task } from "./task.js";

/**
 * The event loop of one run (asyncio's BaseEventLoop): get it inside a run
 * with getRunningLoop(). run()/runSync() create and drive it.
 * @example getRunningLoop().callLater(1, () => log("a second later"));
 */
export class EventLoop extends BaseEventLoop {
  /** @internal the counter behind "Task-<n>", per loop */ _taskCounter = 0;
  /** @internal puts back the log sink that run's onLog replaced */ _restoreLog: (() => void) | null = null;

  constructor(options: BaseLoopOptions) {
    super(options);
  }

  /**
   * A new pending future on this loop. Mirrors `loop.create_future()`.
   * @example const fut = getRunningLoop().createFuture<string>();
   */
  createFuture<T = unknown>(): Future<T> {
    this._checkClosed();
    return new Future<T>(this);
  }

  /**
   * Wraps a coroutine in a task and schedules its first step. Mirrors `loop.create_task()`.
   * @throws TypeError for a started Promise or a non-coroutine (the message says how to fix it).
   * @example getRunningLoop().createTask(() => worker(1), { name: "w1" });
   */
  createTask<T>(coro: CoroutineInput<T>, options?: { name?: string }): Task<T> {
    this._checkClosed();
    return new Task<T>(coro, this, options?.name);
  }
}
