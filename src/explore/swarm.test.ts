/**
 * Swarm runs: each run draws its PCT depth and its jitter from its own seed,
 * and the failing run's tape carries the jitter it drew, so it replays exactly.
 */
import { describe, expect, test } from "vitest";
import { buggy as orphanGather } from "../../scenarios/races/orphan_gather.js";
import { parseTape } from "../schedule/tape.js";
import { replay } from "../testing.js";
import { explore, swarmParams } from "./explore.js";

describe("swarm", () => {
  test("a run's parameters are a function of its seed, and over many seeds every depth and jitter share appears", () => {
    expect(swarmParams("7/12", 0.2)).toEqual(swarmParams("7/12", 0.2));
    const drawn = Array.from({ length: 400 }, (_, i) => swarmParams(`0/${i}`, 0.2));
    expect(new Set(drawn.map((p) => p.depth))).toEqual(new Set([1, 2, 3, 4]));
    expect(new Set(drawn.map((p) => p.jitter))).toEqual(new Set([0, 0.05, 0.1, 0.2]));
    expect(swarmParams("0/1", undefined).jitter).toBe(0); // no jitter asked for: none drawn
  });

  test("the failing run's tape carries the jitter it drew and replays exactly; the same exploration gives the same result", async () => {
    const options = { runs: 2000, jitter: 0.05, swarm: true, seed: 11 } as const;
    const r = await explore(() => orphanGather(), options);
    expect(r.failed).toBe(true);
    const drawn = r.swarm as { depth: number; jitter: number };
    expect(drawn).toEqual(swarmParams(r.seed as string, 0.05));
    // this race needs a timer to fire off time (2,000 runs without jitter find nothing): the failing run drew some
    expect(drawn.jitter).toBeGreaterThan(0);
    expect(parseTape(r.shrunkTape as string).jitter ?? 0).toBe(drawn.jitter);
    expect(r.report).toMatch(new RegExp(`failing run found by random \\(swarm: depth ${drawn.depth}, jitter ${drawn.jitter}\\)`));
    await expect(replay(() => orphanGather(), r.shrunkTape as string)).rejects.toThrow(String((r.error as Error).message));
    const again = await explore(() => orphanGather(), options);
    expect({ ...again, error: String(again.error) }).toEqual({ ...r, error: String(r.error) });
  });

  test("dfs has no per-run parameters: swarm with dfs is refused", async () => {
    await expect(explore(() => orphanGather(), { strategy: "dfs", swarm: true })).rejects.toThrow(/swarm draws a PCT depth and a jitter per run; dfs has neither/);
  });
});
