/** Module-level task functions: asyncio.create_task, current_task, all_tasks, get_running_loop. */
import type { EventLoop } from "../futures/eventLoop.js";
import { type CoroutineInput, type Task, taskOptionName } from "../futures/task.js";
import { requireLoop } from "../loop/running.js";

/**
 * The running loop. Mirrors `asyncio.get_running_loop()`.
 * @throws RuntimeError outside run()/runSync().
 * @example const now = getRunningLoop().time();
 */
export function getRunningLoop(): EventLoop {
  return requireLoop("getRunningLoop()") as EventLoop;
}

/**
 * Schedules a coroutine as a task on the running loop. Mirrors `asyncio.create_task`.
 * Pass a generator object, a generator function, or an async function as a
 * zero-argument function: `createTask(() => work(x))`.
 * @throws TypeError for a started Promise (`createTask(work(x))` with an async work),
 *   for options that are not `{ name }` or for a third argument.
 * @example const t = createTask(() => work(1), { name: "w1" });
 */
export function createTask<T>(coro: CoroutineInput<T>, options?: { name?: string }): Task<T>;
export function createTask<T>(coro: CoroutineInput<T>, options?: { name?: string }, extra?: unknown): Task<T> {
  if (extra !== undefined) taskOptionName("createTask", options, extra); // throws: createTask takes two arguments
  return (requireLoop("createTask()") as EventLoop).createTask(coro, options);
}

/**
 * The task being run, or undefined inside a plain callback. Mirrors `asyncio.current_task()`.
 * @throws RuntimeError outside a running loop.
 * @example log(currentTask()?.getName());
 */
export function currentTask(): Task<unknown> | undefined {
  const loop = requireLoop("currentTask()");
  return (loop._currentTask as Task<unknown> | null) ?? undefined;
}

/**
 * The loop's unfinished tasks, in creation order (CPython's order is that of
 * a set, by memory address; vloop uses creation order). Mirrors `asyncio.all_tasks()`.
 * @example for (const t of allTasks()) t.cancel();
 */
export function allTasks(): Set<Task<unknown>> {
  const loop = requireLoop("allTasks()");
  const out = new Set<Task<unknown>>();
  for (const t of loop._pendingTasks()) out.add(t as Task<unknown>);
  return out;
}
