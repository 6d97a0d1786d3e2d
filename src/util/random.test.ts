import seedrandom from "seedrandom";
import { describe, expect, it } from "vitest";
import { Prng } from "./random.js";

describe("Prng", () => {
  // Recorded tapes and seeds name schedules, so the numbers must stay
  // seedrandom's Tyche-i exactly (random.ts implements it without seedrandom).
  it("draws seedrandom.tychei's numbers for the same seed, bit for bit", () => {
    const seeds: (string | number)[] = ["", "0", "random:0/0", "pct:seed/12345", "x".repeat(300), "é€😀\u0000", 0, 42, -7, 1.5, 2 ** 40];
    for (let i = 0; i < 200; i++) seeds.push(`random:${i}/${i * 7919}`);
    for (const seed of seeds) {
      const ours = new Prng(seed);
      const theirs = seedrandom.tychei(String(seed));
      for (let k = 0; k < 50; k++) expect(ours.next()).toBe(theirs());
    }
  });

  it("below(n) is floor(next() * n), as before", () => {
    const ours = new Prng("random:3/9");
    const theirs = seedrandom.tychei("random:3/9");
    for (let k = 0; k < 100; k++) expect(ours.below(k + 1)).toBe(Math.floor(theirs() * (k + 1)));
  });
});
