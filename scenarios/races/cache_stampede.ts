/**
 * Check-then-act cache stampede: get() checks the cache, and on a miss
 * fetches and stores. Two callers that both miss both fetch.
 */
import { Future, createTask, currentTask, sleep } from "../../src/index.js";
import type { RaceMeta } from "./types.js";

export const meta: RaceMeta = {
  title: "check-then-act cache stampede",
  bug: "get() checks the cache and, on a miss, awaits the backend and then stores the value: a second caller that checks while the first is still awaiting also misses, and the backend is hit twice.",
  fix: "single flight: on a miss, store the in-flight fetch (a Task) in the cache before awaiting it, so every later caller awaits the same fetch.",
  strategy: "dfs",
  budget: 50,
  heisenbug: true,
  throws: { name: "Error", message: /^stampede: the backend was queried 2 times for "config"$/ },
};

function* service(fixed: boolean): Generator<unknown, void, unknown> {
  let backendCalls = 0;
  function* fetchFromBackend(key: string) {
    backendCalls++;
    yield* sleep(1); // the backend takes one second
    return `value of ${key}`;
  }

  const cache = new Map<string, string>();
  function* getBuggy(key: string) {
    const hit = cache.get(key);
    if (hit !== undefined) return hit;
    const value = yield* fetchFromBackend(key); // the check above is stale from here on
    cache.set(key, value);
    return value;
  }

  const inflight = new Map<string, Future<string>>();
  function* getFixed(key: string) {
    let fut = inflight.get(key);
    if (fut === undefined) {
      fut = createTask(fetchFromBackend(key), { name: `fetch ${key}` });
      inflight.set(key, fut); // stored before the first await: nobody can miss in between
    }
    return yield* fut;
  }
  const get = fixed ? getFixed : getBuggy;

  function* secondRequest() {
    yield* sleep(1); // arrives one second later: just as the first fetch returns
    return yield* get("config");
  }
  // main is the first request; the second is a task that arrives at t=1
  currentTask()?.setName("first");
  const second = createTask(secondRequest(), { name: "second" });
  yield* get("config");
  yield* second;
  if (backendCalls !== 1) throw new Error(`stampede: the backend was queried ${backendCalls} times for "config"`);
}

export const buggy = () => service(false);
export const fixed = () => service(true);
