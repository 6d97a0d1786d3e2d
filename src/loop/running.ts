/**
 * The running loop: asyncio's `_get_running_loop()`, and the loop whose
 * handles are on the JavaScript stack right now.
 *
 * Several runs may be in flight in one process (see loop/turns.ts), but they
 * take turns: one loop at a time holds the turn from the moment it starts
 * until its run is over, and it is the running loop for all that time, also
 * while it is paused for a task's async body (which runs in microtasks and
 * finds its loop here). A generator-only run may run synchronously in between
 * (runSync, runUntilCompleteSync): it saves the running loop, and puts it back.
 */
import { RuntimeError } from "../errors.js";
import type { BaseEventLoop } from "./baseEventLoop.js";

let running: BaseEventLoop | null = null;
/** The loop running a handle (a callback, a task's step) right now, synchronously. */
let stepping: BaseEventLoop | null = null;

/** The running loop, or null outside a run. */
export function currentLoop(): BaseEventLoop | null {
  return running;
}

/** @internal set by the run drivers */
export function setRunningLoop(loop: BaseEventLoop | null): void {
  running = loop;
}

/**
 * @internal The loop whose handles are being run synchronously right now
 * (a generator step, a callback, the first part of an async body), or null.
 * A run started from there is nested in a running loop, which asyncio refuses.
 */
export function steppingLoop(): BaseEventLoop | null {
  return stepping;
}

/** @internal set by the run drivers around the loop's synchronous part; returns the previous value */
export function setSteppingLoop(loop: BaseEventLoop | null): BaseEventLoop | null {
  const previous = stepping;
  stepping = loop;
  return previous;
}

/** The running loop; throws RuntimeError outside a run (as asyncio does). */
export function requireLoop(what: string): BaseEventLoop {
  if (running === null) {
    throw new RuntimeError(`${what}: no running event loop (call it from inside run() or runSync())`);
  }
  return running;
}

/**
 * The running loop, for the functions asyncio gives `get_event_loop()`'s
 * loop (ensure_future, gather, shield, as_completed, Future()): outside a run
 * CPython 3.12 raises `RuntimeError: There is no current event loop in thread
 * 'MainThread'.` (or makes a loop with a DeprecationWarning if none was ever
 * set); vloop never makes one implicitly.
 */
export function requireEventLoop(what: string): BaseEventLoop {
  if (running === null) {
    throw new RuntimeError(`${what}: There is no current event loop (call it from inside run() or runSync(); vloop makes no loop implicitly)`);
  }
  return running;
}
