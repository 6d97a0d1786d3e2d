/**
 * Tapes as a fast-check arbitrary: a user's `fc.assert` over a vloop program
 * gets fast-check's seed/path replay and shrinking, and fast-check's
 * shrinking of a tape (fewer deviations, smaller values) moves toward
 * CPython's own order.
 *
 * @example
 * import fc from "fast-check";
 * import { tapeArbitrary, runWithTape } from "vloop/fast-check";
 * await fc.assert(fc.asyncProperty(tapeArbitrary(), async (tape) => {
 *   await runWithTape(() => lostUpdate(), tape); // throws on the bug
 * }));
 */
import fc from "fast-check";
import { mainOf, type Program } from "./explore/runOnce.js";
import { run } from "./run.js";
import { ReplayPolicy } from "./schedule/replay.js";
import { encodeTape } from "./schedule/tape.js";

export interface TapeArbitraryOptions {
  /** Most deviations from CPython's order in one tape (default 4). */
  maxDeviations?: number;
  /** Highest decision index a deviation may sit at (default 64). */
  maxIndex?: number;
  /** Highest alternative a deviation may pick (default 4; taken modulo the real count). */
  maxValue?: number;
}

/** An arbitrary of tape strings ("12:1,40:2"); shrinks toward "" (CPython's order). */
export function tapeArbitrary(options: TapeArbitraryOptions = {}): fc.Arbitrary<string> {
  const maxIndex = options.maxIndex ?? 64;
  const maxValue = options.maxValue ?? 4;
  return fc
    .uniqueArray(fc.record({ index: fc.nat(maxIndex), value: fc.integer({ min: 1, max: maxValue }) }), {
      maxLength: options.maxDeviations ?? 4,
      selector: (d) => d.index,
    })
    .map((devs) => encodeTape(devs));
}

/**
 * Runs `program` following a generated tape (values too large for a decision
 * are taken modulo its number of alternatives, so every tape is a valid schedule).
 */
export function runWithTape<T>(program: Program, tape: string, options: { maxSteps?: number; jitter?: number } = {}): Promise<T> {
  return run(mainOf(program), { strategy: new ReplayPolicy(tape, true), maxSteps: options.maxSteps ?? 1_000_000, ...options }) as Promise<T>;
}
