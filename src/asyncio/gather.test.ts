/** gather's duplicate arguments: one child per distinct argument, results repeated in argument order. */
import { describe, expect, test } from "vitest";
import { type Future, asCompleted, createTask, gather, gatherAll, getRunningLoop, run, runSync, sleep } from "../index.js";

test("pending futures and tasks given several times, not next to each other, are one child each", () => {
  const out = runSync(function* () {
    const loop = getRunningLoop();
    const f1 = loop.createFuture<number>();
    const f2 = loop.createFuture<number>();
    // done callbacks registered on a future (gather's is an internal entry, not a closure)
    const entries = (f: Future<number>) => (f._callbacks === null ? 0 : Array.isArray(f._callbacks) ? f._callbacks.length : 1);
    const coro = (function* () {
      yield* sleep(1);
      return 3;
    })();
    const g = gather(f1, f2, f1, coro, f2, coro);
    const callbacksAdded = entries(f1) + entries(f2);
    loop.callLater(0.5, () => f1.setResult(1));
    loop.callLater(0.7, () => f2.setResult(2));
    const results = yield* g;
    return { results, callbacksAdded };
  });
  expect(out.results).toEqual([1, 2, 1, 3, 2, 3]);
  expect(out.callbacksAdded).toBe(2); // one done callback per distinct future
});

test("many coroutines each given twice are one child each (past the short duplicate list)", () => {
  // CPython 3.12 prints [0, ..., 19, 0, ..., 19] for gather(*cs, *cs) with 20 coroutines
  let started = 0;
  const out = runSync(function* () {
    const cs = Array.from({ length: 20 }, (_, i) =>
      (function* () {
        started++;
        yield* sleep(0.1 * (i % 3));
        return i;
      })(),
    );
    return yield* gather(...cs, ...cs);
  });
  const ids = Array.from({ length: 20 }, (_, i) => i);
  expect(out).toEqual([...ids, ...ids]);
  expect(started).toBe(20);
});

describe("a function given several times is several calls", () => {
  // CPython: gather(c, c) with one coroutine object c is one child (its result twice);
  // vloop's thunk () => f() is a call still to be made, so each one makes its own coroutine.
  test("gather(w, w, w) with one async function calls it three times", async () => {
    let calls = 0;
    const w = async (): Promise<number> => {
      await sleep(1);
      return ++calls;
    };
    const out = await run(async () => await gather(w, w, w), { maxSteps: 10_000 });
    expect(out).toEqual([1, 2, 3]);
    expect(calls).toBe(3);
  });

  test("a generator function given three times runs three times; a generator object twice is one child", () => {
    let calls = 0;
    function* g(): Generator<unknown, number, unknown> {
      const n = ++calls; // in its first step: the tasks' creation order
      yield* sleep(1);
      return n;
    }
    const out = runSync(function* () {
      const c = g();
      return yield* gather(g, g, c, g, c);
    }, { maxSteps: 10_000 });
    expect(out).toEqual([1, 2, 3, 4, 3]);
    expect(calls).toBe(4);
  });

  test("past the short duplicate list too (the Map path)", () => {
    let calls = 0;
    const w = function* (): Generator<unknown, number, unknown> {
      yield* sleep(0);
      return ++calls;
    };
    const out = runSync(function* () {
      const futs = Array.from({ length: 10 }, (_, i) => {
        const f = getRunningLoop().createFuture<number>();
        f.setResult(100 + i);
        return f;
      });
      return yield* gather(...futs, w, ...futs, w);
    }, { maxSteps: 10_000 });
    expect(out.filter((x) => x < 100)).toEqual([1, 2]);
    expect(calls).toBe(2);
  });

  test("asCompleted of one function twice runs it twice", () => {
    let calls = 0;
    const w = function* (): Generator<unknown, number, unknown> {
      yield* sleep(1);
      return ++calls;
    };
    const out = runSync(function* () {
      const c = w();
      const results: number[] = [];
      for (const next of asCompleted<number>([w, w, c, c])) results.push(yield* next);
      return results;
    }, { maxSteps: 10_000 });
    expect(out.sort()).toEqual([1, 2, 3]); // w, w, and c once (CPython takes set(fs))
    expect(calls).toBe(3);
  });
});

describe("gatherAll: gather of an array of any length", () => {
  test("a million done futures, in order (a spread of them throws RangeError at the call)", () => {
    const { results, spread } = runSync(function* () {
      const loop = getRunningLoop();
      const items: Future<number>[] = new Array(1_000_000);
      for (let i = 0; i < items.length; i++) {
        items[i] = loop.createFuture<number>();
        items[i].setResult(i);
      }
      let spread = "no error";
      try {
        gather(...items);
      } catch (e) {
        spread = (e as Error).name;
      }
      return { results: yield* gatherAll(items), spread };
    });
    expect(spread).toBe("RangeError"); // why gatherAll exists
    expect(results.length).toBe(1_000_000);
    let inOrder = true;
    for (let i = 0; i < results.length; i++) if (results[i] !== i) inOrder = false;
    expect(inOrder).toBe(true);
  }, 60_000);

  test("the same rules as gather: coroutines become tasks in order, duplicates, returnExceptions, a Set", async () => {
    let calls = 0;
    const out = runSync(function* () {
      const c = (function* () {
        yield* sleep(1);
        return "c";
      })();
      const failing = (function* () {
        yield* sleep(0.5);
        throw new Error("boom");
      })();
      const w = function* () {
        return ++calls;
      };
      const r = yield* gatherAll<unknown>([c, w, c, failing, w], { returnExceptions: true });
      const fromSet = yield* gatherAll(new Set([sleep(0, "x"), sleep(0, "y")]));
      const empty = yield* gatherAll([]);
      return { r, fromSet, empty };
    }, { maxSteps: 10_000 });
    expect(out.r.map((x) => (x instanceof Error ? x.message : x))).toEqual(["c", 1, "c", "boom", 2]);
    expect(out.fromSet).toEqual(["x", "y"]);
    expect(out.empty).toEqual([]);
    const first = await run(async () => {
      try {
        await gatherAll([() => sleep(1, 1), async () => {
          throw new Error("first error");
        }]);
      } catch (e) {
        return (e as Error).message;
      }
      return "no error";
    });
    expect(first).toBe("first error");
  });

  test("what is not an array of awaitables is a TypeError that says what to write", () => {
    const msgs = runSync(function* () {
      const fut = getRunningLoop().createFuture<number>();
      fut.setResult(1);
      const out: string[] = [];
      for (const bad of [fut, sleep(1), 42, null, [[fut]]]) {
        try {
          gatherAll(bad as never);
          out.push("no error");
        } catch (e) {
          out.push(`${(e as Error).name}: ${(e as Error).message}`);
        }
      }
      try {
        gatherAll([fut], 1 as never);
      } catch (e) {
        out.push((e as Error).message);
      }
      return out;
    }, { maxSteps: 10_000 });
    expect(msgs[0]).toMatch(/^TypeError: gatherAll: items must be an array \(or a Set\) of awaitables \(got <Future#\d+ finished>\); to gather one awaitable, write gather\(x\)$/);
    expect(msgs[1]).toMatch(/^TypeError: gatherAll: .*\(got <Future#\d+ sleep\(1\) pending>\); to gather one awaitable/);
    expect(msgs[2]).toBe("TypeError: gatherAll: items must be an array (or a Set) of awaitables (got 42)");
    expect(msgs[3]).toBe("TypeError: gatherAll: items must be an array (or a Set) of awaitables (got null)");
    expect(msgs[4]).toMatch(/^TypeError: gatherAll: An asyncio.Future, a coroutine or an awaitable is required \(got \[<Future#\d+ finished>\]\): an array is not a coroutine: gatherAll takes one array of awaitables \(flatten nested arrays first\)$/);
    expect(msgs[5]).toBe("gatherAll: options must be an object like { returnExceptions: true } (got 1)");
  });

  test("asyncio.run's shutdown cancels any number of tasks (it gathered them with a spread)", () => {
    function* forever(): Generator<unknown, void, unknown> {
      yield* getRunningLoop().createFuture();
    }
    const n = 150_000; // past the ~125,000 arguments a spread could pass here
    const result = runSync(function* () {
      for (let i = 0; i < n; i++) createTask(forever());
      return "main returned";
    });
    expect(result).toBe("main returned");
  }, 60_000);
});
