/**
 * sleep_storm: many tasks sleeping on many different deadlines.
 *
 * 1,000 tasks; task i does 100 sleeps, sleep j lasting
 * ((i*7 + j*13) % 10)/10 + 0.1 virtual seconds (0.1 to 1.0), then returns 100.
 * main gathers them and checks the counts add up.
 *
 * Events: one per completed sleep, 1,000 x 100 = 100,000 per run.
 * What it stresses: the timer heap (up to 1,000 live timers, many of them due at
 * the same or almost the same instant), clock jumps, and resuming a task from a
 * timer: Future creation and completion, callSoon, one task step per event.
 *
 * Mirrors bench/cpython/sleep_storm.py line for line.
 */
import { createTask, gather, getRunningLoop, run, runSync, sleep } from "../../src/index.js";
import type { Facts, ThroughputWorkload } from "./types.js";

export const TASKS = 1000;
export const SLEEPS = 100;
export const EVENTS = TASKS * SLEEPS;

/** The j-th sleep of task i, in virtual seconds. */
export function delay(i: number, j: number): number {
  return ((i * 7 + j * 13) % 10) / 10 + 0.1;
}

function check(counts: number[]): Facts {
  let sleeps = 0;
  for (const c of counts) sleeps += c;
  if (sleeps !== EVENTS) throw new Error(`sleep_storm: ${sleeps} sleeps, expected ${EVENTS}`);
  return { endTime: getRunningLoop().time() };
}

// --- generator style -------------------------------------------------------

function* workerGen(i: number): Generator<unknown, number, unknown> {
  for (let j = 0; j < SLEEPS; j++) yield* sleep(delay(i, j));
  return SLEEPS;
}

export function* mainGen(): Generator<unknown, Facts, unknown> {
  const tasks = [];
  for (let i = 0; i < TASKS; i++) tasks.push(createTask(workerGen(i)));
  const counts: number[] = yield* gather(...tasks);
  return check(counts);
}

// --- async style -----------------------------------------------------------

async function workerAsync(i: number): Promise<number> {
  for (let j = 0; j < SLEEPS; j++) await sleep(delay(i, j));
  return SLEEPS;
}

export async function mainAsync(): Promise<Facts> {
  const tasks = [];
  for (let i = 0; i < TASKS; i++) tasks.push(createTask(() => workerAsync(i)));
  const counts: number[] = await gather(...tasks);
  return check(counts);
}

export const sleepStorm: ThroughputWorkload = {
  name: "sleep_storm",
  events: EVENTS,
  generator: () => runSync(mainGen),
  async: () => run(mainAsync),
};
