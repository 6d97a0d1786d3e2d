/**
 * The race gallery (docs/races.md). For every entry:
 * (a) CPython's own order passes (a heisenbug), or fails the same way if the
 *     entry says the bug is deterministic; the fixed program passes it;
 * (b) explore() with the entry's strategy finds the bug within its budget
 *     (for several seeds when the strategy is random or pct);
 * (c) the failing tape and the shrunk tape both replay the same error;
 * (d) the report says "CPython order except k decisions" (k from the shrunk tape);
 * (e) the fixed program survives the same search;
 * (f) a network entry passes on the perfect network, and every decision its
 *     shrunk tape keeps is a network decision (a latency, a loss, a fault);
 * and docs/races.md shows exactly what explore printed.
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { decodeTape, explore, replay } from "../../src/testing.js";
import { docsBlocks, errorKey, exploreOptionsOf, gallery, runOptionsOf, showFinding } from "./gallery.js";

const docsPage = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "docs", "races.md");
const shown = docsBlocks(readFileSync(docsPage, "utf8"));

/** More seeds for the strategies whose runs depend on the seed. */
const EXTRA_SEEDS = [1, 2, 3, 4];

async function failureOf(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (error) {
    return error;
  }
  throw new Error("expected the run to fail, and it passed");
}

test("the gallery has the ten required patterns and more, most of them heisenbugs, seven on a simulated network (one of them running a subprocess)", () => {
  expect(gallery.length).toBeGreaterThanOrEqual(10);
  expect(gallery.filter((e) => e.meta.network === true).map((e) => e.name)).toEqual(["double_payment", "split_brain", "stale_pool", "stale_reply", "truncated_response", "replica_lag", "pipe_deadlock"]);
  expect(new Set(gallery.map((e) => e.name)).size).toBe(gallery.length);
  expect(gallery.filter((e) => e.meta.heisenbug).length).toBeGreaterThan(gallery.length / 2);
});

test("docs/races.md shows every entry once, and nothing else", () => {
  expect([...shown.keys()].sort()).toEqual(gallery.map((e) => e.name).sort());
});

describe.each(gallery)("$name", (entry) => {
  const { buggy, fixed, meta } = entry;
  const runOpts = runOptionsOf(entry);

  test(meta.heisenbug ? "CPython's own order passes (a heisenbug)" : "CPython's own order fails too (deterministic)", async () => {
    if (meta.heisenbug) {
      await expect(replay(buggy, "", runOpts)).resolves.toBeUndefined();
    } else {
      const error = (await failureOf(replay(buggy, "", runOpts))) as Error;
      expect(error.name).toBe(meta.throws.name);
      expect(error.message).toMatch(meta.throws.message);
    }
    await expect(replay(fixed, "", runOpts)).resolves.toBeUndefined();
  });

  test(`${meta.strategy} finds it within ${meta.budget} runs; the tape and the shrunk tape replay it; the fix survives`, async () => {
    const r = await explore(buggy, exploreOptionsOf(entry));
    expect(r.failed, "explore found no failing schedule").toBe(true);
    expect(r.runs).toBeLessThanOrEqual(meta.budget);
    const error = r.error as Error;
    expect(error.name).toBe(meta.throws.name);
    expect(error.message).toMatch(meta.throws.message);

    // the full tape and the shrunk tape reproduce the same error
    expect(errorKey(await failureOf(replay(buggy, r.tape as string, runOpts)))).toBe(errorKey(error));
    expect(errorKey(await failureOf(replay(buggy, r.shrunkTape as string, runOpts)))).toBe(errorKey(error));

    // the report counts the deviations of the shrunk tape from CPython's order
    const k = decodeTape(r.shrunkTape as string).length;
    if (meta.heisenbug) {
      expect(k).toBeGreaterThan(0);
      expect(r.report).toContain(`CPython order except ${k} decision${k === 1 ? "" : "s"}:`);
    } else {
      expect(k).toBe(0);
      expect(r.report).toContain("CPython's own order (no deviation)");
    }
    expect(r.report).toContain(`replay: ${r.replay}`);

    // a network race needs network decisions only: the report marks them "[fault-free: ...]"
    // (a task order is "[CPython's order: ...]", a timer's jitter "... late/early")
    if (meta.network === true) {
      const decisions = (r.report as string).split("\n").filter((l) => /^\s+decision \d+ at t=/.test(l));
      expect(decisions.length).toBe(k);
      for (const d of decisions) expect(d).toMatch(/\[fault-free: .*\]$/);
    }

    // the docs page shows what explore printed (regenerate: npx tsx scenarios/races/show.ts --write)
    expect(shown.get(entry.name), "docs/races.md").toBe(showFinding(r));

    // the fixed program survives the same search
    const f = await explore(fixed, exploreOptionsOf(entry));
    expect(f.failed, f.report).toBe(false);
  });

  if (meta.strategy !== "dfs") {
    test(`the budget is enough for other seeds too (${EXTRA_SEEDS.join(", ")})`, async () => {
      for (const seed of EXTRA_SEEDS) {
        const r = await explore(buggy, { ...exploreOptionsOf(entry, seed), shrink: false });
        expect(r.failed, `seed ${seed}`).toBe(true);
        expect((r.error as Error).name).toBe(meta.throws.name);
        const f = await explore(fixed, exploreOptionsOf(entry, seed));
        expect(f.failed, f.report).toBe(false);
      }
    });
  }
});
