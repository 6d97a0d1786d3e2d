/**
 * The running loop: asyncio's `_get_running_loop()`. One vloop run is active
 * at a time; run()/runSync() set it for their whole duration.
 */
import { RuntimeError } from "../errors.js";
import type { BaseEventLoop } from "./baseEventLoop.js";

let running: BaseEventLoop | null = null;

/** The running loop, or null outside a run. */
export function currentLoop(): BaseEventLoop | null {
  return running;
}

/** @internal set by the run drivers */
export function setRunningLoop(loop: BaseEventLoop | null): void {
  running = loop;
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
