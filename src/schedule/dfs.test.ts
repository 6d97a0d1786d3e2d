/**
 * The bounded search split into parts: over a made-up family of runs (how many
 * alternatives each decision has depends on the tape, as in a real program
 * whose later decisions change with earlier ones), the parts together visit
 * exactly the unsplit search's schedules, each once (CPython's order in every
 * part), and every part visits in the unsplit order (compareTapes).
 */
import { describe, expect, test } from "vitest";
import { BoundedDfs, compareTapes } from "./dfs.js";
import { type Deviation, encodeTape } from "./tape.js";

/** A run under `tape`: its decisions' alternative counts, varying with the tape. */
function alternativesOf(tape: readonly Deviation[]): number[] {
  const salt = tape.reduce((n, d) => n * 31 + d.index * 7 + d.value, 17);
  return Array.from({ length: 6 + (salt % 5) }, (_, i) => 1 + ((salt + i * 13) % 4));
}

function search(maxDeviations: number, part?: { index: number; count: number }): string[] {
  const dfs = new BoundedDfs(maxDeviations, part);
  const visited: string[] = [];
  for (let t = dfs.next(); t !== undefined; t = dfs.next()) {
    visited.push(encodeTape(t));
    dfs.observe(t, alternativesOf(t));
  }
  return visited;
}

describe("the bounded search, split", () => {
  for (const maxDeviations of [1, 2, 3]) {
    test(`parts of 1 to 5 cover the unsplit search exactly (at most ${maxDeviations} deviations)`, () => {
      const whole = search(maxDeviations);
      expect(whole.length).toBeGreaterThan(10);
      for (let count = 1; count <= 5; count++) {
        const parts = Array.from({ length: count }, (_, index) => search(maxDeviations, { index, count }));
        for (const p of parts) expect(p[0]).toBe(""); // CPython's order in every part
        const union = new Set(parts.flat());
        expect(union.size).toBe(whole.length);
        expect([...union].sort()).toEqual([...whole].sort());
        expect(parts.reduce((n, p) => n + p.length, 0)).toBe(whole.length + count - 1); // only "" is run twice
      }
    });
  }

  test("the unsplit search and every part visit fewest deviations first, then lexicographically", () => {
    const decode = (t: string): Deviation[] => (t === "" ? [] : t.split(",").map((d) => ({ index: Number(d.split(":")[0]), value: Number(d.split(":")[1]) })));
    for (const visited of [search(3), search(3, { index: 2, count: 3 })]) {
      for (let i = 1; i < visited.length; i++) expect(compareTapes(decode(visited[i - 1] as string), decode(visited[i] as string))).toBeLessThan(0);
    }
  });
});
