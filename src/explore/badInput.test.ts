/**
 * explore() and replay() with bad arguments: a bad option is refused before
 * any run, naming the option, its rule and the value, and never turns into a
 * verdict on the program (runs: NaN used to explore nothing and report "no
 * failure"; maxSteps: 0 used to fail every run and blame the program).
 */
import { describe, expect, test } from "vitest";
import { sleep } from "../index.js";
import { explore, parseTape, replay, ReplayPolicy } from "../testing.js";
import { runWithTape, tapeArbitrary } from "../fastcheck.js";

function* program(): Generator<unknown, number, unknown> {
  yield* sleep(0);
  return 1;
}

describe("explore's arguments", () => {
  test.each<[string, unknown, RegExp]>([
    ["runs", NaN, /^explore: runs must be a whole number >= 1, or Infinity \(got NaN\)$/],
    ["runs", 0, /runs must be a whole number >= 1, or Infinity \(got 0\)/],
    ["runs", -1, /runs must be a whole number >= 1, or Infinity \(got -1\)/],
    ["runs", 1.5, /runs must be a whole number >= 1, or Infinity \(got 1\.5\)/],
    ["runs", "3", /runs must be a number \(got string "3"\)/],
    ["from", NaN, /from must be a whole number >= 0 \(got NaN\)/],
    ["from", -5, /from must be a whole number >= 0 \(got -5\)/],
    ["from", Number.MAX_SAFE_INTEGER - 1, /^explore: from \+ runs must be at most 9007199254740991 \(got 9007199254740990 \+ 3\)$/],
    ["depth", 0, /depth must be a whole number >= 1 \(got 0\)/],
    ["maxDeviations", -1, /maxDeviations must be a whole number >= 0 \(got -1\)/],
    ["maxSteps", 0, /maxSteps must be a whole number >= 1, or Infinity \(got 0\)/],
    ["maxSteps", null, /maxSteps must be a number \(got null\)/],
    ["jitter", -1, /jitter must be a finite number of seconds >= 0 \(got -1\)/],
    ["seed", Symbol("s"), /seed must be a string or a finite number \(got symbol Symbol\(s\)\)/],
    ["seed", { toString: () => { throw new Error("no"); } }, /seed must be a string or a finite number/],
    ["shard", { index: 0.5, count: 2 }, /shard must be \{ index, count \} with whole numbers/],
    ["shard", { index: 0, count: 1.5 }, /shard must be \{ index, count \} with whole numbers/],
    ["shard", 5, /shard must be \{ index, count \}/],
    ["onProgress", 5, /onProgress must be a function \(got 5\)/],
    ["selfCheck", "yes", /selfCheck must be true or false \(got string "yes"\)/],
    ["shrink", "no", /shrink must be true or false/],
  ])("%s: bad value #%# is refused before any run", async (name, value, message) => {
    let runs = 0;
    const counted = () => (runs++, program());
    await expect(explore(counted, { runs: 3, [name]: value })).rejects.toThrow(message);
    expect(runs).toBe(0);
  });

  test("the program must be a function; the options an object", async () => {
    await expect(explore(5 as never)).rejects.toThrow(/^explore: the program must be a function returning a fresh main coroutine.*\(got 5\)$/);
    await expect(explore(null as never)).rejects.toThrow(TypeError);
    await expect(explore((async function* () {}) as never)).rejects.toThrow(/the program must be a function/);
    await expect(explore(program, null as never)).rejects.toThrow(/^explore: options must be an object or omitted \(got null\)$/);
    await expect(explore(program, 5 as never)).rejects.toThrow(/options must be an object or omitted \(got 5\)/);
  });

  test("good values still explore", async () => {
    expect(await explore(program, { runs: 2, from: 3, seed: 7, depth: 1, maxDeviations: 0, maxSteps: Infinity, jitter: 0, shrink: false, selfCheck: false, shard: { index: 0, count: 1 } })).toEqual({ failed: false, runs: 2 });
  });
});

describe("replay's arguments and tapes", () => {
  test("a tape that is not a string, a program that is not a function, options that are not an object", async () => {
    await expect(replay(program, 5 as never)).rejects.toThrow(/^replay: the tape must be a string like "12:1,40:2" \(got 5\)$/);
    await expect(replay(program, undefined as never)).rejects.toThrow(/the tape must be a string .*\(got undefined\)/);
    await expect(replay(5 as never, "")).rejects.toThrow(/^replay: the program must be a function/);
    await expect(replay(program, "", null as never)).rejects.toThrow(/^replay: options must be an object or omitted \(got null\)$/);
    await expect(replay(program, "", { maxstep: 5 } as never)).rejects.toThrow('replay: unknown option "maxstep" (the options are maxSteps, jitter)');
    expect(() => new ReplayPolicy(5 as never)).toThrow(/^ReplayPolicy: a tape is a string like "12:1,40:2" or an array of deviations \(got 5\)$/);
  });

  test("an index or value past 2^53 is refused, not rounded to another decision", () => {
    expect(() => parseTape("99999999999999999999:1")).toThrow(/^bad tape entry "99999999999999999999:1": a number past 9007199254740991 cannot be a decision or an alternative$/);
    expect(() => parseTape("1:99999999999999999999")).toThrow(/a number past 9007199254740991/);
    expect(parseTape("9007199254740991:1")).toEqual({ deviations: [{ index: 9007199254740991, value: 1 }] });
  });

  test.each(["x", "1:", ":1", "-1:2", "1:2:3", "1.5:1", "1:-1", "1:1,", ",", "jitter=0.5", "jitter=x;1:1", "jitter=-1;"])("the malformed tape %j is a UsageError naming it", async (tape) => {
    await expect(replay(program, tape)).rejects.toThrow(/^bad tape/);
  });

  test("a jitter header with an empty body is CPython's order with that jitter", async () => {
    expect(parseTape("jitter=0.5;")).toEqual({ deviations: [], jitter: 0.5 });
    expect(await replay(program, "jitter=0.5;")).toBe(1);
  });
});

describe("the fast-check helpers' arguments", () => {
  test("tapeArbitrary names its option instead of fast-check's fc.nat", () => {
    expect(() => tapeArbitrary({ maxIndex: -1 })).toThrow(/^tapeArbitrary: maxIndex must be a whole number >= 0 \(got -1\)$/);
    expect(() => tapeArbitrary({ maxValue: 0 })).toThrow(/^tapeArbitrary: maxValue must be a whole number >= 1 \(got 0\)$/);
    expect(() => tapeArbitrary({ maxDeviations: 1.5 })).toThrow(/maxDeviations must be a whole number >= 0 \(got 1\.5\)/);
    expect(() => tapeArbitrary({ maxIndex: NaN })).toThrow(/maxIndex must be a whole number >= 0 \(got NaN\)/);
    expect(() => tapeArbitrary(null as never)).toThrow(/^tapeArbitrary: options must be an object or omitted \(got null\)$/);
    expect(() => tapeArbitrary({ maxDeviation: 2 } as never)).toThrow('tapeArbitrary: unknown option "maxDeviation" (the options are maxDeviations, maxIndex, maxValue)');
    expect(() => tapeArbitrary({ maxIndex: 0, maxValue: 1, maxDeviations: 0 })).not.toThrow();
  });

  test("runWithTape: a program that is not a function, options that are not an object", () => {
    expect(() => runWithTape(5 as never, "")).toThrow(/^runWithTape: the program must be a function/);
    expect(() => runWithTape(program, "", null as never)).toThrow(/^runWithTape: options must be an object or omitted \(got null\)$/);
    expect(() => runWithTape(program, "", { strategy: "random" } as never)).toThrow('runWithTape: unknown option "strategy" (the options are maxSteps, jitter)');
  });
});
