/**
 * The scenario harness: what scenario programs import. It re-exports vloop's
 * scenario tools (src/scenario: `log`, Python-style printing, runScenario)
 * and adds Python's error classes that scenario programs raise themselves.
 */
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
