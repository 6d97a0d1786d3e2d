/**
 * explore / replay / shrink on small programs whose bugs are known:
 * a "used before init" heisenbug that passes in CPython's order and fails
 * when the consumer steps before the producer in the same iteration.
 */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { createTask, gather, sleep } from "../index.js";
import { decodeTape, encodeTape, explore, replay } from "../testing.js";
import { runWithTape, tapeArbitrary } from "../fastcheck.js";
import { exploreTest, expectNoRace } from "../vitest.js";

function* usedBeforeInit(fixed = false): Generator<unknown, void, unknown> {
  const state: { conn: string | null } = { conn: null };
  const ready = { done: false };
  function* producer() {
    yield* sleep(0);
    state.conn = "connected";
    ready.done = true;
  }
  function* consumer() {
    yield* sleep(0);
    if (fixed) while (!ready.done) yield* sleep(0);
    if (state.conn === null) throw new Error("used before init");
  }
  function* noise() {
    for (let j = 0; j < 3; j++) yield* sleep(0);
  }
  yield* gather(noise(), producer(), noise(), consumer(), noise());
}

describe("tapes", () => {
  test("encode and decode round-trip", () => {
    fc.assert(
      fc.property(fc.array(fc.nat(5), { maxLength: 60 }), (dense) => {
        const text = encodeTape(dense);
        const back = decodeTape(text);
        const rebuilt = new Array(dense.length).fill(0);
        for (const d of back) rebuilt[d.index] = d.value;
        expect(rebuilt).toEqual(dense);
      }),
      { numRuns: 300 },
    );
    expect(encodeTape([0, 0, 2, 0, 1])).toBe("2:2,4:1");
    expect(encodeTape([])).toBe("");
  });

  test("bad tapes are refused with the rule they break", () => {
    expect(() => decodeTape("3:x")).toThrow(/expected "index:value"/);
    expect(() => decodeTape("3:0")).toThrow(/value 0 is the default/);
    expect(() => decodeTape("3:1,3:2")).toThrow(/decision 3 appears twice/);
  });

  test("a tape that does not fit the program says so", async () => {
    await expect(replay(() => usedBeforeInit(), "0:99")).rejects.toThrow(/the tape does not fit this program: decision 0/);
  });
});

describe("explore", () => {
  test("CPython's own order passes: the bug is a heisenbug", async () => {
    await expect(replay(() => usedBeforeInit(), "")).resolves.toBeUndefined();
  });

  test.each(["random", "pct", "dfs", "portfolio"] as const)("%s finds it within 200 runs, and replay reproduces it", async (strategy) => {
    const r = await explore(() => usedBeforeInit(), { strategy, runs: 200, seed: 7 });
    expect(r.failed).toBe(true);
    expect(r.runs).toBeLessThanOrEqual(200);
    expect((r.error as Error).message).toBe("used before init");
    await expect(replay(() => usedBeforeInit(), r.tape as string)).rejects.toThrow("used before init");
    // shrunk toward CPython's order: one deviation is enough for this bug
    expect(decodeTape(r.shrunkTape as string)).toHaveLength(1);
    await expect(replay(() => usedBeforeInit(), r.shrunkTape as string)).rejects.toThrow("used before init");
    expect(r.report).toMatch(/CPython order except 1 decision:\n {2}decision \d+ at t=0 \(iteration \d+\): Task-\d+ stepped ahead of Task-\d+/);
    expect(r.replay).toBe(`await replay(program, ${JSON.stringify(r.shrunkTape)})`);
  });

  test("the fixed version survives the same budget under every strategy", async () => {
    for (const strategy of ["random", "pct", "dfs"] as const) {
      const r = await explore(() => usedBeforeInit(true), { strategy, runs: 200, seed: 7 });
      expect(r.failed).toBe(false);
    }
  });

  test("dfs searches a bounded space completely and says so", async () => {
    const r = await explore(() => usedBeforeInit(true), { strategy: "dfs", runs: 100_000, maxDeviations: 1 });
    expect(r.failed).toBe(false);
    expect(r.exhausted).toBe(true);
    expect(r.runs).toBeGreaterThan(1);
    expect(r.runs).toBeLessThan(100_000);
  });

  test("the determinism self-check catches a program that uses Math.random", async () => {
    function* flaky() {
      // deliberately nondeterministic: the number of steps depends on Math.random
      const n = 1 + Math.floor(Math.random() * 1000);
      for (let i = 0; i < n; i++) yield* sleep(0.001 * (i % 3));
    }
    const r = await explore(() => flaky(), { strategy: "random", runs: 5, selfCheck: true });
    expect(r.failed).toBe(true);
    expect((r.error as Error).name).toBe("NondeterminismError");
    expect((r.error as Error).message).toMatch(/Math\.random/);
  });

  test("shards split one seed range: the shard holding the failing run finds the same seed and tape", async () => {
    const whole = await explore(() => usedBeforeInit(), { strategy: "random", runs: 200, seed: 3, shrink: false });
    expect(whole.failed).toBe(true);
    const shards = await Promise.all(
      [0, 1, 2].map((index) => explore(() => usedBeforeInit(), { strategy: "random", runs: 200, seed: 3, shrink: false, shard: { index, count: 3 } })),
    );
    const found = shards.filter((r) => r.failed && r.seed === whole.seed);
    expect(found).toHaveLength(1);
    expect(found[0].tape).toBe(whole.tape);
  });

  test("explore refuses an unknown strategy", async () => {
    await expect(explore(() => usedBeforeInit(), { strategy: "magic" as never })).rejects.toThrow(/unknown strategy "magic"/);
  });
});

describe("fast-check integration", () => {
  test("a property over tapes finds the heisenbug and shrinks it to one deviation", async () => {
    let counterexample: string | undefined;
    try {
      await fc.assert(
        fc.asyncProperty(tapeArbitrary({ maxIndex: 20 }), async (tape) => {
          await runWithTape(() => usedBeforeInit(), tape);
        }),
        { numRuns: 300, seed: 42 },
      );
    } catch (e) {
      counterexample = /Counterexample: \["([^"]*)"\]/.exec((e as Error).message)?.[1];
    }
    expect(counterexample).toBeDefined();
    expect(decodeTape(counterexample as string)).toHaveLength(1);
  });
});

describe("vitest helper", () => {
  exploreTest("exploreTest passes a program without races", () => usedBeforeInit(true), { strategy: "pct", runs: 100 });

  test("expectNoRace fails with the report and the replay snippet", async () => {
    await expect(expectNoRace(() => usedBeforeInit(), { strategy: "dfs", runs: 100 })).rejects.toThrow(
      /vloop found a failing schedule:[\s\S]*CPython order except 1 decision[\s\S]*replay: await replay\(program, "\d+:\d+"\)/,
    );
  });

  test("createTask is usable in explored programs", async () => {
    const r = await explore(
      () =>
        (function* () {
          const t = createTask(usedBeforeInit(true));
          yield* t;
        })(),
      { runs: 20 },
    );
    expect(r.failed).toBe(false);
  });
});

describe("runSync fast path", () => {
  test("a generator program that starts an async task only in some schedules gets the same outcome", async () => {
    // In CPython's order the async helper never runs; after a reorder it does.
    function* sometimesAsync(): Generator<unknown, void, unknown> {
      const state = { first: "" };
      function* a() {
        yield* sleep(0);
        if (state.first === "") state.first = "a";
      }
      function* b() {
        yield* sleep(0);
        if (state.first === "") {
          state.first = "b";
          const t = createTask(async () => {
            await sleep(1);
          });
          yield* t;
          throw new Error("b went first");
        }
      }
      yield* gather(a(), b());
    }
    const r = await explore(() => sometimesAsync(), { strategy: "dfs", runs: 50 });
    expect(r.failed).toBe(true);
    expect((r.error as Error).message).toBe("b went first");
  });
});
