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

/**
 * The two functions whose handles step a task (their first argument is the
 * task): Task's step and its wake-up. Two slots rather than an array to scan:
 * chooseReady asks this of every ready handle in every iteration, and the
 * scan was a quarter of its time (lost-update exploration, measured).
 */
let stepCallback: Callback | null = null;
let wakeCallback: Callback | null = null;

/** @internal the futures layer registers Task's step and wake-up callbacks (two, once each). */
export function registerTaskCallback(fn: Callback): void {
  if (fn === stepCallback || fn === wakeCallback) return;
  if (stepCallback === null) stepCallback = fn;
  else if (wakeCallback === null) wakeCallback = fn;
  else throw new Error(`registerTaskCallback: a task has two callbacks, its step and its wake-up (a third was given: ${fn.name})`);
}

/** @internal does a handle with this callback step a task? */
export function isTaskCallback(fn: Callback | null): boolean {
  return fn !== null && (fn === stepCallback || fn === wakeCallback);
}
