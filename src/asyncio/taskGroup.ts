/**
 * TaskGroup: asyncio.TaskGroup (3.12), rule for rule.
 *
 * - The first child that fails cancels its siblings and the parent task
 *   (the body); the body's CancelledError is then absorbed by the group.
 * - On exit the group waits for every child: no child outlives it.
 * - Errors are raised as one ExceptionGroup: the children's errors in the
 *   order they failed, the body's own error (if not a cancellation) last.
 * - A cancellation from outside propagates as CancelledError unless
 *   children failed.
 * Ordering: the children are cancelled in creation order (CPython iterates a
 * set; vloop uses insertion order).
 */
import { CancelledError, ExceptionGroup, RuntimeError } from "../errors.js";
import type { EventLoop } from "../futures/eventLoop.js";
import { type Future, WaiterFuture, type WaitSource } from "../futures/future.js";
import { awaitingMany } from "../futures/waitInfo.js";
import type { WaitInfo } from "../loop/deadlockReport.js";
import { type CoroutineInput, type Task, taskOptionName } from "../futures/task.js";
import { requireLoop } from "../loop/running.js";
import { inspectCustom } from "../util/asyncioRepr.js";
import type { AsyncContextManager } from "./asyncWith.js";
import { isExactlyCancelled } from "./timeouts.js";
import { extraArgument } from "../util/args.js";

/**
 * A scope that owns the tasks created in it. Mirrors asyncio.TaskGroup; use
 * it with asyncWith(new TaskGroup(), body).
 * @example
 * yield* asyncWith(new TaskGroup(), function* (tg) {
 *   tg.createTask(work(1));
 *   tg.createTask(work(2), { name: "second" });
 * }); // both are done here, or an ExceptionGroup is thrown
 */
export class TaskGroup implements AsyncContextManager<TaskGroup>, WaitSource {
  private _entered = false;
  private _exiting = false;
  private _aborting = false;
  private _loop: EventLoop | null = null;
  private _parentTask: Task<unknown> | null = null;
  private _parentCancelRequested = false;
  private readonly _tasks = new Set<Task<unknown>>();
  private _errors: unknown[] | null = [];
  private _onCompletedFut: Future<unknown> | null = null;
  private readonly _onTaskDone = (task: Task<unknown>): void => this._taskDone(task);

  constructor();
  constructor(extra?: unknown) {
    if (extra !== undefined) {
      throw extraArgument("TaskGroup()", "no arguments", extra, "a TaskGroup is an async context manager: asyncWith(new TaskGroup(), async (tg) => { tg.createTask(...); })");
    }
  }

  /** `__aenter__`: binds the group to the current task. */
  *aenter(): Generator<unknown, TaskGroup, unknown> {
    if (this._entered) throw new RuntimeError(`TaskGroup ${this} has already been entered`);
    if (this._loop === null) this._loop = requireLoop("TaskGroup") as EventLoop;
    this._parentTask = this._loop._currentTask as Task<unknown> | null;
    if (this._parentTask === null) throw new RuntimeError(`TaskGroup ${this} cannot determine the parent task`);
    this._entered = true;
    return this;
  }

  /** `__aexit__`: waits for every child, then raises what went wrong. */
  *aexit(exc: unknown): Generator<unknown, boolean, unknown> {
    this._exiting = true;
    const loop = this._loop as EventLoop;
    const parent = this._parentTask as Task<unknown>;
    let propagateCancellation: unknown = isExactlyCancelled(exc) ? exc : null;
    if (this._parentCancelRequested) {
      // The group cancelled its parent itself: take that request back.
      if (parent.uncancel() === 0) propagateCancellation = null;
    }
    if (exc !== undefined && !this._aborting) this._abort();

    while (this._tasks.size > 0) {
      // no label: traces show it as a plain future (loop.create_future()); reports as "TaskGroup(Task-2, Task-3)"
      if (this._onCompletedFut === null) this._onCompletedFut = new WaiterFuture(loop, undefined, this);
      try {
        yield* this._onCompletedFut;
      } catch (error) {
        if (!(error instanceof CancelledError)) throw error;
        if (!this._aborting) {
          propagateCancellation = error;
          this._abort();
        }
      }
      this._onCompletedFut = null;
    }

    const errors = this._errors as unknown[];
    if (propagateCancellation !== null && errors.length === 0) throw propagateCancellation;
    if (exc !== undefined && !isExactlyCancelled(exc)) errors.push(exc);
    if (errors.length > 0) {
      this._errors = null;
      throw new ExceptionGroup("unhandled errors in a TaskGroup", errors);
    }
    return false;
  }

  /**
   * Creates a task owned by the group. Mirrors TaskGroup.create_task(coro, name=None).
   * @throws RuntimeError if the group is not entered, finished, or shutting down;
   *   TypeError for options that are not `{ name }` or for a third argument.
   */
  createTask<T>(coro: CoroutineInput<T>, options?: { name?: string }): Task<T>;
  createTask<T>(coro: CoroutineInput<T>, options?: { name?: string }, extra?: unknown): Task<T> {
    const name = taskOptionName("TaskGroup.createTask", options, extra);
    if (!this._entered) throw new RuntimeError(`TaskGroup ${this} has not been entered`);
    if (this._exiting && this._tasks.size === 0) throw new RuntimeError(`TaskGroup ${this} is finished`);
    if (this._aborting) throw new RuntimeError(`TaskGroup ${this} is shutting down`);
    // CPython creates the task, then names it; vloop names it at creation
    // (the Task-<n> number is used up either way), so traces see one name,
    // unless a task factory makes it: then it is named after, as in CPython.
    const task = (this._loop as EventLoop).createTask(coro, name !== undefined ? { name } : undefined);
    // A task done already (an eager one that never suspended) is reported
    // to the group now, without a done callback, as CPython 3.12 does.
    if (task.done()) this._taskDone(task as Task<unknown>);
    else {
      this._tasks.add(task as Task<unknown>);
      task.addDoneCallback(this._onTaskDone);
    }
    return task;
  }

  /** @internal for deadlock reports: the end of the group waits for "TaskGroup(Task-2, Task-3)" */
  _waitInfo(): WaitInfo {
    return awaitingMany("TaskGroup", this._tasks);
  }

  /** Ordering: cancel the children in creation order. */
  private _abort(): void {
    this._aborting = true;
    for (const t of this._tasks) if (!t.done()) t.cancel();
  }

  private _taskDone(task: Task<unknown>): void {
    this._tasks.delete(task);
    if (this._onCompletedFut !== null && this._tasks.size === 0 && !this._onCompletedFut.done()) {
      this._onCompletedFut.setResult(true);
    }
    if (task.cancelled()) return;
    const exc = task.exception();
    if (exc === undefined) return;
    (this._errors as unknown[]).push(exc);
    const parent = this._parentTask as Task<unknown>;
    if (parent.done()) {
      (this._loop as EventLoop)._reportException({
        message: `Task ${task.getName()} has errored out but its parent task ${parent.getName()} is already completed`,
        exception: exc,
      });
      return;
    }
    if (!this._aborting && !this._parentCancelRequested) {
      this._abort();
      this._parentCancelRequested = true;
      parent.cancel();
    }
  }

  /**
   * asyncio's repr: how many tasks are running and how many failed, and
   * whether the group is entered or cancelling. Mirrors TaskGroup.__repr__.
   * @example String(tg); // "<TaskGroup tasks=1 errors=1 cancelling>"
   */
  toString(): string {
    const info: string[] = [];
    if (this._tasks.size) info.push(`tasks=${this._tasks.size}`);
    if (this._errors?.length) info.push(`errors=${this._errors.length}`);
    if (this._aborting) info.push("cancelling");
    else if (this._entered) info.push("entered");
    return `<TaskGroup${info.length ? " " + info.join(" ") : ""}>`;
  }

  /** What Node's util.inspect (and console.log) prints: toString(). */
  [inspectCustom](): string {
    return this.toString();
  }
}
