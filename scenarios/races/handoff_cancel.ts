/**
 * Cancellation during a lock hand-off, in a hand-rolled lock. release()
 * hands the lock straight to the first waiter by resolving its future. If
 * that waiter is cancelled after the hand-off but before it runs, the
 * CancelledError comes out of acquire(): the waiter owns the lock, never
 * enters its try/finally, and never releases it.
 *
 * asyncio.Lock handles this case (a woken waiter that is cancelled passes
 * the wake-up on, see src/sync/lock.ts); this bug is in user code.
 */
import { CancelledError, Future, createTask, gather, sleep } from "../../src/index.js";
import type { RaceMeta } from "./types.js";

export const meta: RaceMeta = {
  title: "cancellation during a lock hand-off",
  bug: "a hand-rolled FIFO lock hands itself to the first waiter in release() (it resolves the waiter's future and stays locked); when that waiter is cancelled in the same iteration, after the hand-off but before it runs, the CancelledError comes out of acquire() and the lock is owned by a task that never releases it.",
  fix: "acquire() catches the cancellation and, if the lock was already handed to it, passes it on (release) before re-raising, as asyncio.Lock does.",
  strategy: "dfs",
  budget: 50,
  heisenbug: true,
  throws: { name: "DeadlockError", message: /^deadlock at t=1: no handle is ready and no timer is pending/ },
};

class HandoffLock {
  private held = false;
  private readonly waiters: Future<void>[] = [];
  constructor(private readonly fixed: boolean) {}

  *acquire(): Generator<unknown, void, unknown> {
    if (!this.held) {
      this.held = true;
      return;
    }
    const fut = new Future<void>();
    this.waiters.push(fut);
    try {
      yield* fut; // resolved by release(): the lock is ours, still held
    } catch (error) {
      if (this.fixed && error instanceof CancelledError && fut.done() && !fut.cancelled()) {
        this.release(); // handed to us, but we were cancelled: pass it on
      }
      throw error;
    }
  }

  release(): void {
    for (;;) {
      const next = this.waiters.shift();
      if (next === undefined) {
        this.held = false;
        return;
      }
      if (next.cancelled()) continue; // gave up while waiting
      next.setResult(undefined); // hand-off: the lock stays held, now by `next`
      return;
    }
  }
}

function* server(fixed: boolean): Generator<unknown, void, unknown> {
  const lock = new HandoffLock(fixed);

  function* useLock(_who: string, work: number) {
    yield* lock.acquire();
    try {
      yield* sleep(work);
    } finally {
      lock.release();
    }
  }

  // The client gives up on request B after one second (it disconnects),
  // just as request A, which holds the lock, finishes with it.
  const pending: { request?: { cancel(): boolean } } = {};
  function* client() {
    yield* sleep(1);
    pending.request?.cancel();
  }

  createTask(client(), { name: "client" });
  const a = createTask(useLock("A", 1), { name: "request A" });
  yield* sleep(0);
  const b = createTask(useLock("B", 0.5), { name: "request B" });
  pending.request = b;
  yield* gather(a, b, { returnExceptions: true });
  yield* useLock("C", 0.1); // the next request
}

export const buggy = () => server(false);
export const fixed = () => server(true);
