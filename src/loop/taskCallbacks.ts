/**
 * Which handles step a task: the futures layer registers Task's step and
 * wake-up callbacks here, so the loop (a lower layer) can tell a task step
 * from a plain callback (for choices, traces and step-through views).
 */
import type { Callback } from "./handle.js";

/** @internal a task's name, a handle's description, for reports */
export function describeCandidate(c: unknown): string {
  if (c !== null && typeof c === "object") {
    const named = c as { getName?: () => string; describe?: () => string };
    if (typeof named.getName === "function") return named.getName();
    if (typeof named.describe === "function") return named.describe();
  }
  return String(c);
}

/** The functions whose handles step a task (their first argument is the task): two of them. */
const taskCallbacks: Callback[] = [];

/** @internal the futures layer registers Task's step and wake-up callbacks. */
export function registerTaskCallback(fn: Callback): void {
  if (!taskCallbacks.includes(fn)) taskCallbacks.push(fn);
}

/** @internal does a handle with this callback step a task? (a short array scan: faster than a Set here) */
export function isTaskCallback(fn: Callback | null): boolean {
  for (let i = 0; i < taskCallbacks.length; i++) if (taskCallbacks[i] === fn) return true;
  return false;
}
