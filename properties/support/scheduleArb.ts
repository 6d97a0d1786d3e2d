/**
 * The scheduling strategies the asyncio-layer laws run under: CPython's own
 * order, FIFO timer ties, and seeded random reordering of the ready handles
 * and of equal-deadline timers (beyond what CPython does).
 */
import fc from "fast-check";
import type { LoopOptions } from "../../src/index.js";

export type StrategyName = "cpython" | "fifo" | "random";

export interface Schedule {
  strategy: StrategyName;
  seed: number;
}

/** cpython, fifo, and random with a random seed (random twice as often: it has the most to say). */
export const scheduleArb: fc.Arbitrary<Schedule> = fc.oneof(
  fc.record({ strategy: fc.constant<StrategyName>("cpython"), seed: fc.constant(0) }),
  fc.record({ strategy: fc.constant<StrategyName>("fifo"), seed: fc.constant(0) }),
  { arbitrary: fc.record({ strategy: fc.constant<StrategyName>("random"), seed: fc.nat() }), weight: 2 },
);

export function loopOptions(s: Schedule): LoopOptions {
  return { strategy: s.strategy, seed: s.seed };
}

/** The two coroutine styles: generator tasks under runSync, async tasks under run. */
export type Style = "gen" | "async";
