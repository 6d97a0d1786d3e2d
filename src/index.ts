/**
 * vloop: Python's asyncio on a deterministic virtual clock.
 * The public surface (see ../shared/asyncio-surface.d.ts): asyncio's names in
 * camelCase, positional parameters in order, keyword parameters in a trailing
 * options object. Every awaitable works as `await x` and as `yield* x`.
 */
export type { Coroutine, Awaitable, AwaitableLike } from "./types.js";
export { run, runSync, type LoopOptions } from "./run.js";
export { Handle, TimerHandle } from "./loop/handle.js";
export { EventLoop } from "./futures/eventLoop.js";
export { Future } from "./futures/future.js";
export { Task } from "./futures/task.js";
export { CoroutineObject } from "./futures/coroutine.js";
export { getRunningLoop, createTask, currentTask, allTasks } from "./asyncio/tasks.js";
export { sleep } from "./asyncio/sleep.js";
export { gather, type GatherOptions } from "./asyncio/gather.js";
export { ensureFuture } from "./asyncio/ensureFuture.js";
export {
  CancelledError,
  TimeoutError,
  InvalidStateError,
  RuntimeError,
  QueueEmpty,
  QueueFull,
  DeadlockError,
  StepBudgetExceeded,
  UsageError,
  VloopError,
} from "./errors.js";
