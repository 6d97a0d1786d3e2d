/**
 * A one-line vitest test that explores a program and fails with the replay
 * snippet and the shrunk schedule in its message.
 *
 * @example
 * import { exploreTest } from "vloop/vitest";
 * exploreTest("counter survives any order", () => counterProgram(), { strategy: "pct", runs: 500 });
 */
import { test } from "vitest";
import { type ExploreOptions, explore } from "./explore/explore.js";
import type { Program } from "./explore/runOnce.js";

/** Asserts that `explore(program, options)` finds no failing schedule. */
export async function expectNoRace(program: Program, options: ExploreOptions = {}): Promise<void> {
  const r = await explore(program, options);
  if (r.failed) {
    const error = new Error(`vloop found a failing schedule:\n${r.report ?? String(r.error)}`);
    (error as Error & { cause?: unknown }).cause = r.error;
    throw error;
  }
}

/** Declares a vitest test that explores `program` with `options` and fails with the replay snippet. */
export function exploreTest(name: string, program: Program, options: ExploreOptions = {}, timeout?: number): void {
  test(name, () => expectNoRace(program, options), timeout);
}
