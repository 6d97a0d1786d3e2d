/**
 * A saved failing schedule: what `vloop explore --save-failures DIR` writes
 * for each failure it finds, and what `replayTapes(DIR)` (vloop/vitest) turns
 * into one test each, so that a race found once stays a test. A small JSON
 * file: the program (its file, relative to the tape's folder, and export),
 * the shrunk tape and the options it needs (jitter, step budget), the error
 * it raised, and how it was found.
 */

/** The version of the saved-tape format; readers refuse other versions. */
export const SAVED_TAPE_VERSION = 1;

export interface SavedTape {
  kind: "vloop-tape";
  version: number;
  /** the program: `file` relative to the folder the tape is saved in, and its export */
  program: { file: string; export: string };
  /** the shrunk tape ("" is CPython's order) */
  tape: string;
  /** the jitter the run used, if any */
  jitter: number | null;
  /** the step budget the run used, if not explore's default */
  maxSteps: number | null;
  /** what the run raised when the tape was saved: "Name: message" */
  error: string;
  /** how it was found */
  found: { strategy: string; seed: string; runIndex: number };
}

/** Checks a parsed saved tape; `where` names it in the error. */
export function checkSavedTape(data: unknown, where: string): SavedTape {
  const t = data as Partial<SavedTape> | null;
  if (t === null || typeof t !== "object" || t.kind !== "vloop-tape") throw new TypeError(`${where}: not a tape saved by vloop explore --save-failures`);
  if (t.version !== SAVED_TAPE_VERSION) throw new TypeError(`${where}: saved-tape format version ${String(t.version)}, this vloop reads version ${SAVED_TAPE_VERSION}`);
  if (typeof t.tape !== "string" || typeof t.program?.file !== "string" || typeof t.program.export !== "string") {
    throw new TypeError(`${where}: a saved tape needs program.file, program.export and tape`);
  }
  return t as SavedTape;
}
