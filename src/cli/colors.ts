/**
 * Terminal colours for the command line, without a dependency: ANSI codes
 * when stdout is a terminal, none when NO_COLOR is set (any value,
 * https://no-color.org), forced by FORCE_COLOR (not "0"). Decided once, at
 * start-up, as picocolors decides it.
 */
const env = process.env;
const enabled =
  !("NO_COLOR" in env) &&
  (("FORCE_COLOR" in env && env.FORCE_COLOR !== "0") || (env.TERM !== "dumb" && Boolean(process.stdout.isTTY)));

function style(open: number, close: number): (s: string) => string {
  return enabled ? (s) => `\x1b[${open}m${s}\x1b[${close}m` : (s) => s;
}

/** The styles the command line uses (picocolors' names). */
export const pc = {
  bold: style(1, 22),
  dim: style(2, 22),
  red: style(31, 39),
  green: style(32, 39),
  yellow: style(33, 39),
  cyan: style(36, 39),
};
