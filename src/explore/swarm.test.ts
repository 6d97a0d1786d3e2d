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
    expect(new Set(drawn.map((p) => p.faults))).toEqual(new Set([0, 0.25, 1, 4]));
  });

  test("each swarm run scales the network's loss by what it drew: runs that drew 0 lose nothing", async () => {
    const { network } = await import("../net/network.js");
    const { openConnection, startServer } = await import("../net/server.js");
    const { sleep } = await import("../asyncio/sleep.js");
    const lossy = function* (): Generator<unknown, void, unknown> {
      const net = network();
      net.host("db", function* () {
        yield* startServer(function* (r, w) {
          for (;;) {
            const line = yield* r.readline();
            if (line.length === 0) return;
            w.write(line);
          }
        }, "0.0.0.0", 1);
      });
      net.link("main", "db", { loss: 0.3 });
      for (let i = 0; i < 5; i++) yield* sleep(0);
      const [reader, writer] = yield* openConnection("db", 1);
      for (let i = 0; i < 4; i++) {
        writer.write(new TextEncoder().encode("x\n"));
        yield* reader.readline();
      }
      writer.close();
    };
    const seen: { faults: number; failed: boolean }[] = [];
    await explore(lossy, {
      runs: 200,
      swarm: true,
      seed: 3,
      onRun: (run) => seen.push({ faults: swarmParams(run.seed, undefined).faults, failed: run.failed }),
    });
    // stops at the first failure: every run before it passed, and the failing one drew a non-zero factor
    expect(seen.at(-1)?.failed).toBe(true);
    expect(seen.at(-1)?.faults).toBeGreaterThan(0);
    // the same runs under run(): with a factor of 0 nothing is lost, with the others some runs fail
    const { run } = await import("../run.js");
    const failures = new Map<number, number>();
    for (let i = 0; i < 120; i++) {
      const { faults } = swarmParams(`3/${i}`, undefined);
      const failed = await run(lossy, { strategy: "random", seed: `3/${i}`, faultScale: faults }).then(
        () => false,
        () => true,
      );
      failures.set(faults, (failures.get(faults) ?? 0) + (failed ? 1 : 0));
    }
    expect(failures.get(0)).toBe(0);
    expect(failures.get(4)).toBeGreaterThan(0);
  });

  test("the failing run's tape carries the jitter it drew and replays exactly; the same exploration gives the same result", async () => {
    const options = { runs: 2000, jitter: 0.05, swarm: true, seed: 11 } as const;
    const r = await explore(() => orphanGather(), options);
    expect(r.failed).toBe(true);
    const drawn = r.swarm as { depth: number; jitter: number; faults: number };
    expect(drawn).toEqual(swarmParams(r.seed as string, 0.05));
    // this race needs a timer to fire off time (2,000 runs without jitter find nothing): the failing run drew some
    expect(drawn.jitter).toBeGreaterThan(0);
    expect(parseTape(r.shrunkTape as string).jitter ?? 0).toBe(drawn.jitter);
    expect(r.report).toMatch(new RegExp(`failing run found by random \\(swarm: depth ${drawn.depth}, jitter ${drawn.jitter}, faults x${drawn.faults}\\)`));
    await expect(replay(() => orphanGather(), r.shrunkTape as string)).rejects.toThrow(String((r.error as Error).message));
    const again = await explore(() => orphanGather(), options);
    expect({ ...again, error: String(again.error) }).toEqual({ ...r, error: String(r.error) });
  });

  test("dfs has no per-run parameters: swarm with dfs is refused", async () => {
    await expect(explore(() => orphanGather(), { strategy: "dfs", swarm: true })).rejects.toThrow(/swarm draws a PCT depth and a jitter per run; dfs has neither/);
  });
});
