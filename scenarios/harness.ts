/**
 * The scenario harness: what scenario programs import. It re-exports vloop's
 * scenario tools (src/scenario: `log`, Python-style printing, runScenario)
 * and adds Python's error classes that scenario programs raise themselves.
 */
import { currentLoop } from "../src/loop/running.js";
export { fmtTime, joinLines, log, py, pyFloat, pyRepr, runScenario, show, type Style } from "../src/scenario/index.js";

/** Python's ValueError, for scenarios. */
export class ValueError extends Error {
  override name = "ValueError";
}
/** Python's RuntimeError as a scenario raises it (vloop's own RuntimeError is in src/errors). */
export class RuntimeError extends Error {
  override name = "RuntimeError";
}
/** Python's ZeroDivisionError, for scenarios. */
export class ZeroDivisionError extends Error {
  override name = "ZeroDivisionError";
}
/** Python's KeyError, for scenarios. */
export class KeyError extends Error {
  override name = "KeyError";
}

/**
 * The recorder's iteration(): n during the callbacks of the loop's n-th
 * pass (asyncio's n-th `_run_once`), counted from 1.
 */
export function iteration(): number {
  const loop = currentLoop();
  if (loop === null) throw new Error("iteration() outside a run");
  return loop._iteration;
}

/** Python's bytes literal b"...": each character one byte (Latin-1). */
export function b(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i);
  return out;
}
