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
import { showTyped, showValue } from "./util/showValue.js";
import { checkOptionNames } from "./util/args.js";

export interface TapeArbitraryOptions {
  /** Most deviations from CPython's order in one tape (default 4). */
  maxDeviations?: number;
  /** Highest decision index a deviation may sit at (default 64). */
  maxIndex?: number;
  /** Highest alternative a deviation may pick (default 4; taken modulo the real count). */
  maxValue?: number;
}

/** A tapeArbitrary option: absent, or a whole number >= min (fast-check's own message would name fc.nat). */
function wholeOption(name: string, value: unknown, min: number): void {
  if (value !== undefined && !(Number.isSafeInteger(value) && (value as number) >= min)) {
    throw new TypeError(`tapeArbitrary: ${name} must be a whole number >= ${min} (got ${showTyped(value)})`);
  }
}

/**
 * An arbitrary of tape strings ("12:1,40:2"); shrinks toward "" (CPython's order).
 * @throws TypeError for options that are not whole numbers in range (maxValue >= 1, the others >= 0),
 *   or an option other than maxDeviations, maxIndex and maxValue
 * @example fc.assert(fc.asyncProperty(tapeArbitrary({ maxDeviations: 2 }), (tape) => runWithTape(program, tape)));
 */
export function tapeArbitrary(options: TapeArbitraryOptions = {}): fc.Arbitrary<string> {
  if (options === null || typeof options !== "object") throw new TypeError(`tapeArbitrary: options must be an object or omitted (got ${showValue(options)})`);
  checkOptionNames("tapeArbitrary", options, ["maxDeviations", "maxIndex", "maxValue"]);
  wholeOption("maxDeviations", options.maxDeviations, 0);
  wholeOption("maxIndex", options.maxIndex, 0);
  wholeOption("maxValue", options.maxValue, 1);
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
 * @throws TypeError for a program that is not a function, options that are not an object
 *   or an option other than maxSteps and jitter; UsageError for a malformed tape. The promise rejects with what the run throws.
 * @example await runWithTape(() => lostUpdate(), "3:1");
 */
export function runWithTape<T>(program: Program, tape: string, options: { maxSteps?: number; jitter?: number } = {}): Promise<T> {
  if (typeof program !== "function") throw new TypeError(`runWithTape: the program must be a function returning a fresh main coroutine (got ${showValue(program)})`);
  if (options === null || typeof options !== "object") throw new TypeError(`runWithTape: options must be an object or omitted (got ${showValue(options)})`);
  checkOptionNames("runWithTape", options, ["maxSteps", "jitter"]);
  return run(mainOf(program), { strategy: new ReplayPolicy(tape, true), maxSteps: options.maxSteps ?? 1_000_000, ...options }) as Promise<T>;
}
