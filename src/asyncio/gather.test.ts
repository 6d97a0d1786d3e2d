/** gather's duplicate arguments: one child per distinct argument, results repeated in argument order. */
import { expect, test } from "vitest";
import { type Future, gather, getRunningLoop, runSync, sleep } from "../index.js";

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
