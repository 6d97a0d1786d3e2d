/**
 * Law: explore's shrunk tape is a real, minimal reproduction, for heisenbugs
 * made from the fuzzer's random asyncio programs (scenarios/fuzz/program.ts).
 *
 * The "bug": a program fails when what it logs differs from what it logs in
 * CPython's order (the empty tape), so any schedule that changes the output
 * is a failure, and many random programs have one. For each program that
 * explore() (40 runs; random, pct, dfs or portfolio; generator or async
 * style) finds failing:
 *   1. replaying the shrunk tape fails with the same error;
 *   2. the shrunk tape has no more deviations than the tape found;
 *   3. removing any one deviation from the shrunk tape makes the run pass
 *      (1-minimal: every decision the report lists is needed);
 *   4. the report says "CPython order except k decision(s)" with k its length.
 *
 * Replay a failure: fast-check prints `seed` and `path`; put them in the
 * fc.assert options below: fc.assert(prop, { seed, path }).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { setLogSink } from "../src/scenario/log.js";
import { type StrategyName, explore, replay, decodeTape, formatTape } from "../src/testing.js";
import { asyncMain, genMain } from "../scenarios/fuzz/interpret.js";
import { randomProgram } from "../scenarios/fuzz/program.js";
import { runs } from "./support/config.js";

class OutputChanged extends Error {
  override name = "OutputChanged";
}

/** The output check shared by both styles: main's own error is output, not the failure. */
function check(lines: string[], expected?: string[], seen?: string[]): void {
  // what shutdown logs afterwards (cancelled tasks) is not compared
  if (seen !== undefined) seen.push(...lines);
  if (expected !== undefined && lines.join("\n") !== expected.join("\n")) {
    const at = lines.findIndex((l, i) => l !== expected[i]);
    throw new OutputChanged(`output differs from CPython's order at line ${(at < 0 ? lines.length : at) + 1}`);
  }
}

type Checked = () => Generator<unknown, void, unknown> | Promise<void>;

/**
 * The program in one style, failing when what it logged by the end of main
 * differs from `expected` (when given); without `expected` it leaves those
 * lines in `seen`.
 */
function checked(style: "gen" | "async", seed: number, lines: string[], expected?: string[], seen?: string[], firstRound = false): Checked {
  const p = randomProgram(seed, { firstRound });
  if (style === "async") {
    const main = asyncMain(p);
    return async () => {
      lines.length = 0;
      try {
        await main();
      } catch (e) {
        lines.push(`raised ${(e as Error).name}`);
      }
      check(lines, expected, seen);
    };
  }
  const main = genMain(p);
  return function* () {
    lines.length = 0;
    try {
      yield* main();
    } catch (e) {
      lines.push(`raised ${(e as Error).name}`);
    }
    check(lines, expected, seen);
  };
}

async function passes(program: Checked, tape: string): Promise<boolean | string> {
  try {
    await replay(program, tape);
    return true;
  } catch (e) {
    return (e as Error).name;
  }
}

const strategyArb = fc.constantFrom<StrategyName>("random", "random", "pct", "dfs", "portfolio");
const styleArb = fc.constantFrom<"gen" | "async">("gen", "gen", "async");

/**
 * One program, explored: false when it is no heisenbug (it deadlocks in
 * CPython's order, or no run of 40 changes its output); otherwise the four
 * checks above hold, and true.
 */
async function checkOne(lines: string[], programSeed: number, exploreSeed: number, strategy: StrategyName, style: "gen" | "async", firstRound = false): Promise<boolean> {
  // CPython's order (the empty tape); programs that deadlock there are not heisenbugs
  const expected: string[] = [];
  try {
    await replay(checked(style, programSeed, lines, undefined, expected, firstRound), "");
  } catch {
    return false;
  }
  const program = checked(style, programSeed, lines, expected, undefined, firstRound);
  const r = await explore(program, { strategy, runs: 40, seed: exploreSeed });
  if (!r.failed) return false;
  if (!(r.error instanceof Error) || r.error.name !== "OutputChanged") return false; // e.g. a deadlock only some orders reach
  const shrunk = decodeTape(r.shrunkTape!);
  expect(await passes(program, r.shrunkTape!), "the shrunk tape fails the same way").toBe("OutputChanged");
  expect(shrunk.length).toBeLessThanOrEqual(decodeTape(r.tape!).length);
  for (let i = 0; i < shrunk.length; i++) {
    const without = formatTape(shrunk.filter((_, j) => j !== i));
    expect(await passes(program, without), `the shrunk tape without deviation ${i} (${r.shrunkTape})`).not.toBe("OutputChanged");
  }
  expect(r.report).toContain(`CPython order except ${shrunk.length} decision`);
  return true;
}

describe("law: shrunk tapes of random heisenbugs are real and 1-minimal", () => {
  it("replays fail the same way, shrinking never adds deviations, and every kept deviation is needed", async () => {
    const lines: string[] = [];
    const previous = setLogSink((line) => lines.push(line));
    let found = 0;
    try {
      await fc.assert(
        fc.asyncProperty(fc.nat({ max: 1_000_000 }), fc.nat({ max: 1000 }), strategyArb, styleArb, async (programSeed, exploreSeed, strategy, style) => {
          if (await checkOne(lines, programSeed, exploreSeed, strategy, style)) found++;
        }),
        { numRuns: runs(150) },
      );
    } finally {
      setLogSink(previous);
    }
    // many random programs have an order-dependent output (measured 39-48 of 150; 20 is far below chance)
    expect(found, `${found} of the programs had an order-dependent output`).toBeGreaterThan(20);
  });

  // Counterexamples fast-check found, kept. [925652, 0, random, gen] (seed -1617849152, path
  // "42:20:20", in CI on 2026-12-04): the shrunk tape "2:1,3:1,5:1,6:2,7:1" still failed without
  // "3:1", because lowering and moving deviations came after the dropping pass, once; the
  // shrinker now repeats its passes until none changes the tape. (The program is the one the seed
  // made then: the fuzzer's first-round grammar, before scenarios/fuzz/README.md's second round.)
  it("regression: the shrinker's passes repeat until the tape is 1-minimal", async () => {
    const lines: string[] = [];
    const previous = setLogSink((line) => lines.push(line));
    try {
      expect(await checkOne(lines, 925652, 0, "random", "gen", true)).toBe(true);
    } finally {
      setLogSink(previous);
    }
  });
});
