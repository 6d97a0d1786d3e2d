/**
 * memory: what one pending task costs while it waits on a timer.
 *
 * main calls measure() (which forces a full GC and reads the heap), creates
 * 200,000 tasks that each `sleep(1)`, does one `sleep(0)` (after which every task
 * has taken its first step and is suspended on its timer, and the clock is still
 * at 0), and calls measure() again. Then it awaits every task so the run ends
 * normally.
 *
 * Result: (heap after - heap before) / 200,000 bytes per pending task. It
 * covers the Task, its coroutine (generator object or async function frame and
 * promise), the sleep's Future, its timer handle and heap slot, any per-task
 * bookkeeping in the loop, and the array slot that keeps the task.
 *
 * Mirrors bench/cpython/memory.py.
 */
import { createTask, getRunningLoop, run, runSync, sleep } from "../../src/index.js";
import type { Task } from "../../src/index.js";
import type { Style } from "./types.js";

export const TASKS = 200_000;

/** Called twice by main: before the tasks exist, and while all are pending. */
export type Measure = () => void;

function checkPending(tasks: readonly { done(): boolean }[]): void {
  const t = getRunningLoop().time();
  if (t !== 0) throw new Error(`memory: the clock moved to ${t} before measuring`);
  for (const task of tasks) {
    if (task.done()) throw new Error("memory: a task finished before measuring");
  }
}

// --- generator style -------------------------------------------------------

function* sleeperGen(): Generator<unknown, void, unknown> {
  yield* sleep(1);
}

function* mainGen(measure: Measure): Generator<unknown, void, unknown> {
  measure();
  const tasks: Task<void>[] = [];
  for (let i = 0; i < TASKS; i++) tasks.push(createTask(sleeperGen()));
  yield* sleep(0);
  measure();
  checkPending(tasks);
  for (const task of tasks) yield* task;
}

// --- async style -----------------------------------------------------------

async function sleeperAsync(): Promise<void> {
  await sleep(1);
}

async function mainAsync(measure: Measure): Promise<void> {
  measure();
  const tasks: Task<void>[] = [];
  for (let i = 0; i < TASKS; i++) tasks.push(createTask(() => sleeperAsync()));
  await sleep(0);
  measure();
  checkPending(tasks);
  for (const task of tasks) await task;
}

/** Runs the workload once in the given style, calling measure() twice. */
export async function runMemory(style: Style, measure: Measure): Promise<void> {
  if (style === "generator") runSync(() => mainGen(measure));
  else await run(() => mainAsync(measure));
}
