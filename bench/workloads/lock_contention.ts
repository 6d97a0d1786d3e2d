/**
 * lock_contention: 1,000 tasks taking turns on one Lock, 100 times each.
 *
 * Task i does 100 iterations of: acquire the lock, sleep(0) while holding it,
 * count one acquisition, release. (Python: `async with lock: await
 * asyncio.sleep(0)`, which is the same acquire + release.) main gathers the
 * tasks and checks the shared count is 1,000 x 100 and the lock is free.
 *
 * Events: one per acquisition, 1,000 x 100 = 100,000 per run.
 * What it stresses: Lock.acquire/release with up to 999 waiters in line (the
 * waiter future per blocked acquire, FIFO wake-up of the first waiter, removing
 * it from the line), sleep(0) (a bare yield to the loop, no timer) and task
 * switching through the ready queue. The clock stays at 0.
 *
 * Mirrors bench/cpython/lock_contention.py line for line.
 */
import { createTask, gather, getRunningLoop, Lock, run, runSync, sleep } from "../../src/index.js";
import type { Facts, ThroughputWorkload } from "./types.js";

export const TASKS = 1000;
export const ITERATIONS = 100;
export const EVENTS = TASKS * ITERATIONS;

/** Acquisitions counted inside the lock, by every task of one run. */
interface Counter {
  acquisitions: number;
}

function check(counts: number[], counter: Counter, lock: Lock): Facts {
  let iterations = 0;
  for (const c of counts) iterations += c;
  if (iterations !== EVENTS || counter.acquisitions !== EVENTS) {
    throw new Error(
      `lock_contention: ${counter.acquisitions} acquisitions counted, ${iterations} iterations returned, expected ${EVENTS}`,
    );
  }
  if (lock.locked()) throw new Error("lock_contention: the lock is still held at the end");
  return { endTime: getRunningLoop().time() };
}

// --- generator style -------------------------------------------------------

function* workerGen(lock: Lock, counter: Counter): Generator<unknown, number, unknown> {
  for (let j = 0; j < ITERATIONS; j++) {
    yield* lock.acquire();
    try {
      yield* sleep(0);
      counter.acquisitions++;
    } finally {
      lock.release();
    }
  }
  return ITERATIONS;
}

export function* mainGen(): Generator<unknown, Facts, unknown> {
  const lock = new Lock();
  const counter: Counter = { acquisitions: 0 };
  const tasks = [];
  for (let i = 0; i < TASKS; i++) tasks.push(createTask(workerGen(lock, counter)));
  const counts: number[] = yield* gather(...tasks);
  return check(counts, counter, lock);
}

// --- async style -----------------------------------------------------------

async function workerAsync(lock: Lock, counter: Counter): Promise<number> {
  for (let j = 0; j < ITERATIONS; j++) {
    await lock.acquire();
    try {
      await sleep(0);
      counter.acquisitions++;
    } finally {
      lock.release();
    }
  }
  return ITERATIONS;
}

export async function mainAsync(): Promise<Facts> {
  const lock = new Lock();
  const counter: Counter = { acquisitions: 0 };
  const tasks = [];
  for (let i = 0; i < TASKS; i++) tasks.push(createTask(() => workerAsync(lock, counter)));
  const counts: number[] = await gather(...tasks);
  return check(counts, counter, lock);
}

export const lockContention: ThroughputWorkload = {
  name: "lock_contention",
  events: EVENTS,
  generator: () => runSync(mainGen),
  async: () => run(mainAsync),
};
