/**
 * The fuzz corpus: random asyncio programs (scenarios/fuzz/program.ts) with
 * the lines CPython 3.12 printed for them, recorded by `npm run fuzz -- --corpus N`
 * (scenarios/fuzz/oracle.py on the project's virtual-clock recorder). vloop
 * must print the same lines in each coroutine style. Kept counterexamples
 * (negative seeds) are part of it.
 */
import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { type Corpus, STYLES, corpusPath, vloopLines } from "./fuzz.js";
import { size } from "./program.js";

const corpus = JSON.parse(readFileSync(corpusPath, "utf8")) as Corpus;

describe("fuzz corpus", () => {
  test("was recorded by CPython 3.12 and is not trivial", () => {
    expect(corpus.recordedWith).toMatch(/^CPython 3\.12\./);
    expect(corpus.programs.length).toBeGreaterThanOrEqual(200);
    // the programs exercise what they are meant to: cancellations, timeouts, task groups, deadlocks
    const all = corpus.programs.flatMap((e) => e.lines);
    const needles = ["CancelledError", "TimeoutError", "timeout expired", "tg [", "deadlock", "caught", "raised ValueError", " cond ", " barrier ", "uncancel", "wait_for c", "as_completed"];
    for (const needle of needles) {
      expect(all.some((l) => l.includes(needle)), needle).toBe(true);
    }
    const statements = corpus.programs.reduce((n, e) => n + size(e.program), 0);
    expect(statements / corpus.programs.length).toBeGreaterThan(8);
  });

  for (const style of STYLES) {
    test(`every program prints what CPython printed (${style})`, async () => {
      const wrong: string[] = [];
      for (const entry of corpus.programs) {
        const lines = await vloopLines(entry.program, style);
        if (lines.join("\n") !== entry.lines.join("\n")) {
          wrong.push(`seed ${entry.seed}:\n  CPython: ${entry.lines.join(" | ")}\n  vloop:   ${lines.join(" | ")}`);
        }
      }
      expect(wrong.join("\n"), `${wrong.length} of ${corpus.programs.length} programs differ`).toBe("");
    });
  }
});
