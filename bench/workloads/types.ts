/**
 * What a throughput workload module exports, so bench/throughput.ts can run any of
 * them in either coroutine style.
 */

/** The two ways to write a vloop coroutine. */
export type Style = "generator" | "async";
export const STYLES: readonly Style[] = ["generator", "async"];

/** Facts a run reports so the driver can check both sides did the same work. */
export interface Facts {
  /** loop.time() when main finished: must equal CPython's, digit for digit. */
  endTime: number;
}

export interface ThroughputWorkload {
  name: string;
  /** Events one run performs; events/s = events / best wall seconds. */
  events: number;
  /** One full run in the generator style (`function*`, `yield*`, runSync). */
  generator(): Facts;
  /** One full run in the async style (`async` functions, `() => f(i)`, run). */
  async(): Promise<Facts>;
}
