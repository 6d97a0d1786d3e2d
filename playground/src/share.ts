/**
 * Share links: the program, the tape, the entry point and the iteration in
 * the page's URL hash, so a link reproduces exactly what its sender saw.
 *
 * The hash is `#v1=` and then the state as JSON compressed by lz-string
 * (compressToEncodedURIComponent: only characters that are safe in a URL
 * unescaped). A program of a hundred lines makes a link of about 1.5 kB.
 */
import lz from "lz-string";

/** What a link carries. */
export interface SharedState {
  /** the program's source text, as in the editor */
  program: string;
  /** the exported function to run (default: main) */
  exportName?: string;
  /** the tape to follow ("" or absent: CPython's order) */
  tape?: string;
  /** the loop iteration to show (as `vloop step` numbers them: its frame, or the first frame after it) */
  iteration?: number;
}

const PREFIX = "v1=";

/**
 * The hash (without "#") that carries `state`.
 * @example location.hash = encodeShare({ program, tape: "0:3", iteration: 4 });
 */
export function encodeShare(state: SharedState): string {
  const compact: Record<string, unknown> = { p: state.program };
  if (state.exportName !== undefined && state.exportName !== "main") compact.e = state.exportName;
  if (state.tape !== undefined && state.tape !== "") compact.t = state.tape;
  if (state.iteration !== undefined) compact.i = state.iteration;
  return PREFIX + lz.compressToEncodedURIComponent(JSON.stringify(compact));
}

/**
 * Reads a hash made by encodeShare (with or without its "#"); null for an empty hash.
 * @throws Error naming what is wrong with a hash that is not a share link.
 */
export function decodeShare(hash: string): SharedState | null {
  const text = hash.startsWith("#") ? hash.slice(1) : hash;
  if (text === "") return null;
  if (!text.startsWith(PREFIX)) throw new Error(`not a playground link: the part after # should start with "${PREFIX}" (got ${JSON.stringify(text.slice(0, 12))})`);
  const json = lz.decompressFromEncodedURIComponent(text.slice(PREFIX.length));
  let parsed: unknown;
  try {
    parsed = json ? JSON.parse(json) : undefined;
  } catch {
    parsed = undefined;
  }
  const o = parsed as { p?: unknown; e?: unknown; t?: unknown; i?: unknown } | undefined;
  if (o === undefined || o === null || typeof o.p !== "string") throw new Error("this link is damaged: its program could not be read (was it cut short?)");
  const state: SharedState = { program: o.p };
  if (typeof o.e === "string") state.exportName = o.e;
  if (typeof o.t === "string") state.tape = o.t;
  if (typeof o.i === "number" && Number.isSafeInteger(o.i) && o.i >= 0) state.iteration = o.i;
  return state;
}
