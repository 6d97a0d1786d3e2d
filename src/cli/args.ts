/**
 * The command line's argument parsing, on Node's own `util.parseArgs` (no
 * dependency): each command declares its arguments and options once, and
 * that declaration gives the parser, the validation and the help text. A
 * value is checked where it is parsed, so a bad value is a usage error that
 * names the option, the rule and what was given (exit status 2), never a
 * failure blamed on the program.
 */
import { parseArgs } from "node:util";

export class UsageError extends Error {}

/** One option: a flag (no value) or an option taking a value, checked by `parse`. */
export interface OptionSpec {
  /** the long name without dashes, e.g. "max-steps" */
  name: string;
  /** the value's name in the help, e.g. "n"; absent for a flag */
  value?: string;
  help: string;
  /** the value used when the option is absent (shown in the help) */
  default?: string;
  /** the only values allowed */
  choices?: readonly string[];
  /** turns the text into the option's value, or throws UsageError */
  parse?: (text: string, flag: string) => unknown;
  required?: boolean;
}

export interface CommandSpec {
  name: string;
  summary: string;
  /** the positional arguments' names, all required, e.g. ["FILE"] */
  args: readonly string[];
  /** the last positional argument takes one or more values (e.g. merge's result files) */
  variadic?: boolean;
  options: readonly OptionSpec[];
  run: (args: string[], options: Record<string, unknown>) => Promise<number>;
}

/** Parses `argv` (the words after the command's name) for `command`: its positionals and its options' values. */
export function parseCommand(command: CommandSpec, argv: string[]): { args: string[]; options: Record<string, unknown> } {
  const config: Record<string, { type: "string" | "boolean" }> = {};
  for (const o of command.options) config[o.name] = { type: o.value === undefined ? "boolean" : "string" };
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: argv, options: config, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError(rephrase(e, command));
  }
  const { positionals } = parsed;
  if (positionals.length < command.args.length) {
    throw new UsageError(`vloop ${command.name}: missing ${command.args.slice(positionals.length).join(" ")}`);
  }
  if (positionals.length > command.args.length && !command.variadic) {
    throw new UsageError(`vloop ${command.name}: unexpected argument ${JSON.stringify(positionals[command.args.length])} (it takes ${command.args.join(" ")})`);
  }
  const options: Record<string, unknown> = {};
  for (const o of command.options) {
    const given = parsed.values[o.name] as string | boolean | undefined;
    const flag = `--${o.name}`;
    if (given === undefined) {
      if (o.required) throw new UsageError(`vloop ${command.name}: ${flag} <${o.value}> is required`);
      if (o.default !== undefined) options[o.name] = o.parse ? o.parse(o.default, flag) : o.default;
      continue;
    }
    if (typeof given === "boolean") {
      options[o.name] = given;
      continue;
    }
    if (o.choices && !o.choices.includes(given)) {
      throw new UsageError(`${flag} must be one of ${o.choices.join(", ")} (got ${JSON.stringify(given)})`);
    }
    options[o.name] = o.parse ? o.parse(given, flag) : given;
  }
  return { args: positionals, options };
}

function rephrase(e: unknown, command: CommandSpec): string {
  const message = e instanceof Error ? e.message : String(e);
  const code = (e as { code?: string }).code;
  const unknown = /'(-[^']*)'/.exec(message)?.[1];
  if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION" && unknown) {
    return `vloop ${command.name}: unknown option ${unknown} (its options: ${command.options.map((o) => `--${o.name}`).join(", ")})`;
  }
  if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE" && unknown) {
    return `vloop ${command.name}: ${/argument missing|requires/.test(message) ? `${unknown} needs a value` : message}`;
  }
  return `vloop ${command.name}: ${message}`;
}

/** A whole number >= min, e.g. --runs. */
export function wholeNumber(min: number): (text: string, flag: string) => number {
  return (text, flag) => {
    const n = Number(text);
    if (text.trim() === "" || !Number.isSafeInteger(n) || n < min) throw new UsageError(`${flag} must be a whole number >= ${min} (got ${JSON.stringify(text)})`);
    return n;
  };
}

/** A finite number >= 0, e.g. --jitter. */
export function nonNegative(text: string, flag: string): number {
  const n = Number(text);
  if (text.trim() === "" || !Number.isFinite(n) || n < 0) throw new UsageError(`${flag} must be a finite number of seconds >= 0 (got ${JSON.stringify(text)})`);
  return n;
}

/** --shard i/n with 0 <= i < n. */
export function shard(text: string, flag: string): { index: number; count: number } {
  const m = /^(\d+)\/(\d+)$/.exec(text);
  if (!m) throw new UsageError(`${flag} must look like i/n, e.g. 0/4 (got ${JSON.stringify(text)})`);
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (!Number.isSafeInteger(count)) throw new UsageError(`${flag} ${text}: n must be at most ${Number.MAX_SAFE_INTEGER}`);
  if (count < 1 || index >= count) throw new UsageError(`${flag} ${text}: need 0 <= i < n`);
  return { index, count };
}

/** The help of one command. */
export function commandHelp(command: CommandSpec): string {
  const rows = command.options.map((o) => {
    const left = `--${o.name}${o.value ? ` <${o.value}>` : ""}`;
    const extra = [o.choices ? `one of ${o.choices.join(", ")}` : "", o.default !== undefined ? `default ${JSON.stringify(o.default)}` : "", o.required ? "required" : ""]
      .filter(Boolean)
      .join("; ");
    return [left, extra ? `${o.help} (${extra})` : o.help] as const;
  });
  rows.push(["-h, --help", "show this help"]);
  const width = Math.max(...rows.map(([l]) => l.length));
  return (
    `Usage: vloop ${command.name} ${command.args.join(" ")} [options]\n\n${command.summary}\n\nOptions:\n` +
    rows.map(([l, r]) => `  ${l.padEnd(width)}  ${r}`).join("\n") +
    "\n"
  );
}

/** The help of the whole command line. */
export function programHelp(summary: string, commands: readonly CommandSpec[]): string {
  const rows = commands.map((c) => [`${c.name} ${c.args.join(" ")}`, c.summary] as const);
  const width = Math.max(...rows.map(([l]) => l.length), "-V, --version".length);
  return (
    `Usage: vloop <command> [options]\n\n${summary}\n\nCommands:\n` +
    rows.map(([l, r]) => `  ${l.padEnd(width)}  ${r}`).join("\n") +
    `\n\nOptions:\n  ${"-V, --version".padEnd(width)}  print vloop's version\n  ${"-h, --help".padEnd(width)}  show this help (vloop <command> --help: a command's options)\n`
  );
}
