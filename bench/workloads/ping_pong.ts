/**
 * ping_pong: two tasks passing 100,000 messages back and forth through two Queues.
 *
 * ping puts i on q1 and gets the reply from q2 (which must be i + 1); pong gets
 * from q1 and puts the value + 1 on q2. Both queues are unbounded. main creates
 * both tasks, gathers them and checks every reply was right.
 *
 * Events: one per round trip (ping's put on q1, pong's get, pong's put on q2,
 * ping's get) = 100,000 per run; a run moves 200,000 items through the queues.
 * What it stresses: Queue.put/get (the coroutine object each returns), a getter
 * future created, awaited and resolved per transfer, the wake-up of the other
 * side, and task switching through the ready queue, with no timers at all (the
 * clock stays at 0).
 *
 * Mirrors bench/cpython/ping_pong.py line for line.
 */
import { createTask, gather, getRunningLoop, Queue, run, runSync } from "../../src/index.js";
import type { Facts, ThroughputWorkload } from "./types.js";

export const ROUND_TRIPS = 100_000;
export const EVENTS = ROUND_TRIPS;

function check(counts: number[]): Facts {
  const [replies, forwarded] = counts;
  if (replies !== ROUND_TRIPS || forwarded !== ROUND_TRIPS) {
    throw new Error(`ping_pong: ${String(replies)} replies and ${String(forwarded)} forwarded, expected ${ROUND_TRIPS} each`);
  }
  return { endTime: getRunningLoop().time() };
}

// --- generator style -------------------------------------------------------

function* pingGen(q1: Queue<number>, q2: Queue<number>): Generator<unknown, number, unknown> {
  for (let i = 0; i < ROUND_TRIPS; i++) {
    yield* q1.put(i);
    const reply = yield* q2.get();
    if (reply !== i + 1) throw new Error(`ping_pong: sent ${i}, got ${reply} back`);
  }
  return ROUND_TRIPS;
}

function* pongGen(q1: Queue<number>, q2: Queue<number>): Generator<unknown, number, unknown> {
  for (let i = 0; i < ROUND_TRIPS; i++) {
    const x = yield* q1.get();
    yield* q2.put(x + 1);
  }
  return ROUND_TRIPS;
}

export function* mainGen(): Generator<unknown, Facts, unknown> {
  const q1 = new Queue<number>();
  const q2 = new Queue<number>();
  const ping = createTask(pingGen(q1, q2));
  const pong = createTask(pongGen(q1, q2));
  const counts: number[] = yield* gather(ping, pong);
  return check(counts);
}

// --- async style -----------------------------------------------------------

async function pingAsync(q1: Queue<number>, q2: Queue<number>): Promise<number> {
  for (let i = 0; i < ROUND_TRIPS; i++) {
    await q1.put(i);
    const reply = await q2.get();
    if (reply !== i + 1) throw new Error(`ping_pong: sent ${i}, got ${reply} back`);
  }
  return ROUND_TRIPS;
}

async function pongAsync(q1: Queue<number>, q2: Queue<number>): Promise<number> {
  for (let i = 0; i < ROUND_TRIPS; i++) {
    const x = await q1.get();
    await q2.put(x + 1);
  }
  return ROUND_TRIPS;
}

export async function mainAsync(): Promise<Facts> {
  const q1 = new Queue<number>();
  const q2 = new Queue<number>();
  const ping = createTask(() => pingAsync(q1, q2));
  const pong = createTask(() => pongAsync(q1, q2));
  const counts: number[] = await gather(ping, pong);
  return check(counts);
}

export const pingPong: ThroughputWorkload = {
  name: "ping_pong",
  events: EVENTS,
  generator: () => runSync(mainGen),
  async: () => run(mainAsync),
};
