// The race gallery's check-then-act cache stampede (scenarios/races/cache_stampede.ts),
// as async functions: get() checks the cache and, on a miss, fetches and stores.
// Two callers that both miss both fetch; the fix stores the in-flight fetch first.
import { createTask, currentTask, type Future, sleep } from "vloop";

async function service(fixed: boolean): Promise<void> {
  let backendCalls = 0;
  async function fetchFromBackend(key: string): Promise<string> {
    backendCalls++;
    await sleep(1); // the backend takes one second
    return `value of ${key}`;
  }

  const cache = new Map<string, string>();
  async function getBuggy(key: string): Promise<string> {
    const hit = cache.get(key);
    if (hit !== undefined) return hit;
    const value = await fetchFromBackend(key); // the check above is stale from here on
    cache.set(key, value);
    return value;
  }

  const inflight = new Map<string, Future<string>>();
  async function getFixed(key: string): Promise<string> {
    let fut = inflight.get(key);
    if (fut === undefined) {
      fut = createTask(() => fetchFromBackend(key), { name: `fetch ${key}` });
      inflight.set(key, fut); // stored before the first await: nobody can miss in between
    }
    return await fut;
  }
  const get = fixed ? getFixed : getBuggy;

  async function secondRequest(): Promise<string> {
    await sleep(1); // arrives one second later: just as the first fetch returns
    return await get("config");
  }
  // main is the first request; the second is a task that arrives at t=1
  currentTask()?.setName("first");
  const second = createTask(secondRequest, { name: "second" });
  await get("config");
  await second;
  if (backendCalls !== 1) throw new Error(`stampede: the backend was queried ${backendCalls} times for "config"`);
}

export const buggy = () => service(false);
export const fixed = () => service(true);
