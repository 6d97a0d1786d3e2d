/**
 * ANSI terminal colours, without a dependency and without Node: the timeline
 * renderer runs in browsers too. `colorByDefault()` makes the choice
 * picocolors makes (NO_COLOR off, FORCE_COLOR on, else a terminal that is not
 * "dumb"), reading `process` only where the runtime has one.
 */

/** The styles the renderers and the command line use. */
export interface Colors {
  bold: (s: string) => string;
  dim: (s: string) => string;
  red: (s: string) => string;
  green: (s: string) => string;
  yellow: (s: string) => string;
  cyan: (s: string) => string;
}

function style(enabled: boolean, open: number, close: number): (s: string) => string {
  return enabled ? (s) => `\x1b[${open}m${s}\x1b[${close}m` : (s) => s;
}

/** Colour functions that colour when `enabled`, and return the text as it is otherwise. */
export function ansiColors(enabled: boolean): Colors {
  return {
    bold: style(enabled, 1, 22),
    dim: style(enabled, 2, 22),
    red: style(enabled, 31, 39),
    green: style(enabled, 32, 39),
    yellow: style(enabled, 33, 39),
    cyan: style(enabled, 36, 39),
  };
}

/**
 * Whether to colour output by default: never under NO_COLOR (any value,
 * https://no-color.org), always under FORCE_COLOR (not "0"), else when
 * standard output is a terminal. False where there is no `process` (browsers).
 */
export function colorByDefault(): boolean {
  const proc = (globalThis as { process?: { env?: Record<string, string | undefined>; stdout?: { isTTY?: boolean } } }).process;
  const env = proc?.env ?? {};
  if ("NO_COLOR" in env) return false;
  if ("FORCE_COLOR" in env && env.FORCE_COLOR !== "0") return true;
  return env.TERM !== "dumb" && Boolean(proc?.stdout?.isTTY);
}
