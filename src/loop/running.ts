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
