/**
 * fan_out_seed: fan_out in the seed's form, one gather over 100,000 coroutines
 * (not tasks created first) that each sleep(1) and return i.
 *
 * CPython: `await asyncio.gather(*[work(i) for i in range(100000)])`; gather
 * wraps each coroutine in a task itself. vloop: `gather(...)` of 100,000
 * generator objects (generator style) or zero-argument thunks (async style).
 * main checks the result list is exactly [0, 1, ..., 99999].
 *
 * Events: one per coroutine (wrapped in a task by gather, first step, timer set,
 * timer fired, finished, result collected) = 100,000 per run.
 * What it stresses, beside what fan_out does: gather's own per-child work
 * (recognising a coroutine, wrapping it in a task), which fan_out leaves to
 * createTask.
 *
 * Mirrors bench/cpython/fan_out_seed.py line for line.
 */
import { gather, getRunningLoop, run, runSync, sleep } from "../../src/index.js";
import type { Facts, ThroughputWorkload } from "./types.js";

export const TASKS = 100_000;
export const EVENTS = TASKS;

function check(results: number[]): Facts {
  if (results.length !== TASKS) {
    throw new Error(`fan_out_seed: gather returned ${results.length} results, expected ${TASKS}`);
  }
  for (let i = 0; i < TASKS; i++) {
    if (results[i] !== i) throw new Error(`fan_out_seed: result[${i}] is ${String(results[i])}, expected ${i}`);
  }
  return { endTime: getRunningLoop().time() };
}

// --- generator style -------------------------------------------------------

function* workGen(i: number): Generator<unknown, number, unknown> {
  yield* sleep(1);
  return i;
}

export function* mainGen(): Generator<unknown, Facts, unknown> {
  const coros = [];
  for (let i = 0; i < TASKS; i++) coros.push(workGen(i));
  const results: number[] = yield* gather(...coros);
  return check(results);
}

// --- async style -----------------------------------------------------------

async function workAsync(i: number): Promise<number> {
  await sleep(1);
  return i;
}

export async function mainAsync(): Promise<Facts> {
  const coros = [];
  for (let i = 0; i < TASKS; i++) coros.push(() => workAsync(i));
  const results: number[] = await gather(...coros);
  return check(results);
}

export const fanOutSeed: ThroughputWorkload = {
  name: "fan_out_seed",
  events: EVENTS,
  generator: () => runSync(mainGen),
  async: () => run(mainAsync),
};
