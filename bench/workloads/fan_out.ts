/**
 * fan_out: one gather over 100,000 tasks that each sleep(1) and return i.
 *
 * main creates the 100,000 tasks, gathers them and checks the result list is
 * exactly [0, 1, ..., 99999].
 *
 * Events: one per task (created, first step, timer set, timer fired, finished,
 * result collected by gather) = 100,000 per run.
 * What it stresses: task creation, 100,000 timers with one equal deadline (the
 * CPython-exact heap with all-equal keys), gather's per-child done callbacks and
 * result list, and a ready queue 100,000 handles long.
 *
 * Mirrors bench/cpython/fan_out.py line for line.
 */
import { createTask, gather, getRunningLoop, run, runSync, sleep } from "../../src/index.js";
import type { Facts, ThroughputWorkload } from "./types.js";

export const TASKS = 100_000;
export const EVENTS = TASKS;

function check(results: number[]): Facts {
  if (results.length !== TASKS) {
    throw new Error(`fan_out: gather returned ${results.length} results, expected ${TASKS}`);
  }
  for (let i = 0; i < TASKS; i++) {
    if (results[i] !== i) throw new Error(`fan_out: result[${i}] is ${String(results[i])}, expected ${i}`);
  }
  return { endTime: getRunningLoop().time() };
}

// --- generator style -------------------------------------------------------

function* childGen(i: number): Generator<unknown, number, unknown> {
  yield* sleep(1);
  return i;
}

export function* mainGen(): Generator<unknown, Facts, unknown> {
  const tasks = [];
  for (let i = 0; i < TASKS; i++) tasks.push(createTask(childGen(i)));
  const results: number[] = yield* gather(...tasks);
  return check(results);
}

// --- async style -----------------------------------------------------------

async function childAsync(i: number): Promise<number> {
  await sleep(1);
  return i;
}

export async function mainAsync(): Promise<Facts> {
  const tasks = [];
  for (let i = 0; i < TASKS; i++) tasks.push(createTask(() => childAsync(i)));
  const results: number[] = await gather(...tasks);
  return check(results);
}

export const fanOut: ThroughputWorkload = {
  name: "fan_out",
  events: EVENTS,
  generator: () => runSync(mainGen),
  async: () => run(mainAsync),
};
