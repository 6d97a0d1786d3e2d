/**
 * Starvation under an unfair retry loop. A hand-rolled lock wakes a waiter
 * on release() but does not hand the lock over: the woken waiter must
 * re-check it, and whoever runs first takes it ("barging"). A greedy task
 * releases, yields once with sleep(0) "to be fair", and takes the lock
 * again. That is fair only because CPython runs the woken waiter first;
 * when the greedy task keeps stepping first, the waiter starves.
 */
import { Future, Lock, TimeoutError, createTask, sleep, waitFor } from "../../src/index.js";
import type { RaceMeta } from "./types.js";

export const meta: RaceMeta = {
  title: "starvation under an unfair retry loop",
  bug: "a barging lock (release() wakes a waiter, who must re-check) and a greedy task that re-acquires in a while loop after a sleep(0): it is fair only while the woken waiter steps before the greedy task; when the greedy task steps first every time, the waiter misses its 0.35 s deadline.",
  fix: "use asyncio.Lock: a new acquirer never jumps the queue while a woken waiter has not taken the lock yet, so the greedy task queues up behind the report task whatever the order of their steps.",
  strategy: "pct",
  budget: 60,
  heisenbug: true,
  throws: { name: "Error", message: /^starved: the report task did not get the lock within 0\.35 s while the greedy task took it \d+ times$/ },
};

class BargingLock {
  private held = false;
  private readonly waiters: Future<void>[] = [];

  *acquire(): Generator<unknown, void, unknown> {
    while (this.held) {
      const fut = new Future<void>();
      this.waiters.push(fut);
      yield* fut;
      // woken, but the lock is free for anyone: check again
    }
    this.held = true;
  }

  release(): void {
    this.held = false;
    let next = this.waiters.shift();
    while (next !== undefined && next.cancelled()) next = this.waiters.shift();
    next?.setResult(undefined); // wake one waiter; it must re-check
  }
}

function* service(fixed: boolean): Generator<unknown, void, unknown> {
  const lock = fixed ? new Lock() : new BargingLock();
  let greedyRounds = 0;
  let stop = false;

  function* greedy() {
    while (!stop) {
      yield* lock.acquire();
      greedyRounds++;
      yield* sleep(0.1); // a batch of work under the lock
      lock.release();
      yield* sleep(0); // "let the others in"
    }
  }
  function* report() {
    yield* lock.acquire();
    lock.release();
  }

  const g = createTask(greedy(), { name: "greedy" });
  yield* sleep(0); // greedy takes the lock first
  const r = createTask(report(), { name: "report" });
  try {
    yield* waitFor(r, 0.35);
  } catch (error) {
    if (!(error instanceof TimeoutError)) throw error;
    throw new Error(`starved: the report task did not get the lock within 0.35 s while the greedy task took it ${greedyRounds} times`);
  } finally {
    stop = true;
  }
  yield* g;
}

export const buggy = () => service(false);
export const fixed = () => service(true);
