/**
 * The choice tape: the decisions of one run, in order, where 0 is always the
 * default (CPython's) choice. A tape is written down sparsely, listing only
 * the decisions that deviate from the default, as "index:value" pairs joined
 * by commas, e.g. "12:1,40:2" = "CPython's order except decision 12 took its
 * second alternative and decision 40 its third". The empty string is
 * CPython's order. Decisions past the end of a tape take the default, so a
 * tape that runs out hands over to CPython's order.
 *
 * A tape recorded with timer jitter starts with it, "jitter=0.2;0:1", since
 * the same decisions mean something else without it.
 */
import { UsageError } from "../errors.js";

/** A decision that deviates from the default: decision `index` took alternative `value` (>= 1). */
export interface Deviation {
  readonly index: number;
  readonly value: number;
}

/** The deviations of a dense tape (one entry per decision), in order. */
export function deviationsOf(decisions: readonly number[]): Deviation[] {
  const out: Deviation[] = [];
  for (let i = 0; i < decisions.length; i++) if (decisions[i] !== 0) out.push({ index: i, value: decisions[i] });
  return out;
}

/** Writes deviations (or a dense tape) as a tape string. */
export function encodeTape(tape: readonly Deviation[] | readonly number[]): string {
  const devs = tape.length > 0 && typeof tape[0] === "number" ? deviationsOf(tape as number[]) : (tape as Deviation[]);
  return [...devs].sort((a, b) => a.index - b.index).map((d) => `${d.index}:${d.value}`).join(",");
}

/** A tape with the run option it was recorded with. */
export interface ParsedTape {
  deviations: Deviation[];
  jitter?: number;
}

/** Writes a tape with its jitter header (when there was jitter). */
export function formatTape(tape: readonly Deviation[] | readonly number[], options: { jitter?: number } = {}): string {
  const body = encodeTape(tape);
  return options.jitter ? `jitter=${options.jitter};${body}` : body;
}

/**
 * Reads a tape string, with its optional "jitter=S;" header.
 * @throws UsageError naming the bad part.
 */
export function parseTape(text: string): ParsedTape {
  if (typeof text !== "string") throw new UsageError(`a tape is a string like "12:1,40:2" (got ${typeof text})`);
  const m = /^\s*jitter=([^;]+);(.*)$/s.exec(text);
  if (m === null) return { deviations: decodeTape(text) };
  const jitter = Number(m[1]);
  if (!Number.isFinite(jitter) || jitter < 0) throw new UsageError(`bad tape header "jitter=${m[1]}": expected a number of seconds >= 0`);
  return { deviations: decodeTape(m[2]), jitter };
}

/**
 * Reads the decisions of a tape string (a "jitter=S;" header is skipped).
 * @throws UsageError naming the bad part.
 */
export function decodeTape(text: string): Deviation[] {
  if (typeof text !== "string") throw new UsageError(`a tape is a string like "12:1,40:2" (got ${typeof text})`);
  const header = /^\s*jitter=[^;]*;/.exec(text);
  if (header !== null) text = text.slice(header[0].length);
  const trimmed = text.trim();
  if (trimmed === "") return [];
  const seen = new Set<number>();
  return trimmed.split(",").map((part) => {
    const m = /^\s*(\d+):(\d+)\s*$/.exec(part);
    if (m === null) throw new UsageError(`bad tape entry ${JSON.stringify(part)}: expected "index:value", e.g. "12:1"`);
    const index = Number(m[1]);
    const value = Number(m[2]);
    if (!Number.isSafeInteger(index) || !Number.isSafeInteger(value)) {
      throw new UsageError(`bad tape entry ${JSON.stringify(part)}: a number past ${Number.MAX_SAFE_INTEGER} cannot be a decision or an alternative`);
    }
    if (value === 0) throw new UsageError(`bad tape entry ${JSON.stringify(part)}: value 0 is the default and is not written`);
    if (seen.has(index)) throw new UsageError(`bad tape: decision ${index} appears twice`);
    seen.add(index);
    return { index, value };
  });
}

/** Deviations as a lookup table. */
export function tapeMap(devs: readonly Deviation[]): Map<number, number> {
  return new Map(devs.map((d) => [d.index, d.value]));
}
