/** gather's duplicate arguments: one child per distinct argument, results repeated in argument order. */
import { expect, test } from "vitest";
import { type Future, gather, getRunningLoop, runSync, sleep } from "../index.js";

test("pending futures and tasks given several times, not next to each other, are one child each", () => {
  const out = runSync(function* () {
    const loop = getRunningLoop();
    const f1 = loop.createFuture<number>();
    const f2 = loop.createFuture<number>();
    let callbacksAdded = 0;
    const count = (f: Future<number>) => {
      const add = f.addDoneCallback.bind(f);
      f.addDoneCallback = (fn) => {
        callbacksAdded++;
        add(fn);
      };
    };
    count(f1);
    count(f2);
    const coro = (function* () {
      yield* sleep(1);
      return 3;
    })();
    const g = gather(f1, f2, f1, coro, f2, coro);
    loop.callLater(0.5, () => f1.setResult(1));
    loop.callLater(0.7, () => f2.setResult(2));
    const results = yield* g;
    return { results, callbacksAdded };
  });
  expect(out.results).toEqual([1, 2, 1, 3, 2, 3]);
  expect(out.callbacksAdded).toBe(2); // one done callback per distinct future
});
