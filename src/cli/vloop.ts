/**
 * The `vloop` command line.
 *
 *   vloop run FILE [--seed S] [--strategy NAME] [--trace text|chrome|svg|none] [--out PATH]
 *   vloop explore FILE [--export NAME] [--strategy S] [--runs N] [--seed S] [--workers N] [--shard i/n]
 *   vloop merge RESULT.json... [--json PATH]          (explore and merge: exploreCommand.ts)
 *   vloop replay FILE --tape T [--export NAME] [--trace ...] [--out PATH]
 *   vloop step FILE
 *
 * FILE is a scenario file: a TypeScript (or JavaScript) module exporting
 * `main` (a generator function or an async function) and optionally `meta`.
 * This is the only part of vloop that touches the console, files and the
 * process.
 */
import { accessSync, constants, existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { type CommandSpec, type OptionSpec, UsageError, commandHelp, nonNegative, parseCommand, programHelp, shard, wholeNumber } from "./args.js";
import { pc } from "./colors.js";
import { StepBudgetExceeded } from "../errors.js";
import { EXIT, exitFor } from "./exitStatus.js";
import { explore } from "../explore/explore.js";
import type { EventLoop } from "../futures/eventLoop.js";
import { ArrayTracer, type TraceEvent } from "../loop/trace.js";
import type { LoopOptions } from "../run.js";
import { ReplayPolicy } from "../schedule/replay.js";
import { runScenario, styleOf } from "../scenario/runScenario.js";
import { CliError, describeError, exported, loadFile } from "./load.js";
import { maxWorkers } from "./explorePool.js";
import { type ExploreFlags, exploreCommand, mergeCommand } from "./exploreCommand.js";
import { stepThrough } from "./step.js";
import { exitProcess, refuseProcessExit } from "./processExit.js";
import { loadRenderers, renderTrace } from "./traceOutput.js";

/** The step budget of run, replay and step when --max-steps is not given: explore's per-run default, so its replay hints hold. */
export const DEFAULT_MAX_STEPS = 1_000_000;
const traceOption: OptionSpec = {
  name: "trace",
  value: "format",
  help: "draw the run: text (terminal timeline), chrome (Perfetto JSON), svg, or none",
  choices: ["text", "chrome", "svg", "none"],
  default: "text",
};
const outOption: OptionSpec = { name: "out", value: "path", help: "write the trace to a file instead of stdout (--trace svg needs one)" };
const maxStepsOption: OptionSpec = {
  name: "max-steps",
  value: "n",
  help: "step budget: handles run before the run is ended as a livelock",
  default: String(DEFAULT_MAX_STEPS),
  parse: wholeNumber(1),
};
const exportOption = (what: string): OptionSpec => ({ name: "export", value: "name", help: what, default: "main" });

/** The most trace events a command keeps (a livelock emits them without end): about 100 MB. */
const TRACE_LIMIT = 1_000_000;

/** Runs a file's main, prints its log lines, then the requested trace. */
async function runAndShow(file: string, exportName: string, loopOptions: LoopOptions, trace: string, out: string | undefined, policy?: ReplayPolicy): Promise<number> {
  if (trace === "svg" && out === undefined) {
    // an SVG document printed to a terminal is a screenful of XML, after the program's lines
    throw new UsageError("--trace svg: an SVG picture is written to a file, not to the terminal: add --out PATH (e.g. --out run.svg)");
  }
  if (out !== undefined) checkWritable(out);
  const loaded = await loadFile(file);
  const main = exported(loaded, exportName) as () => Generator<unknown, unknown, unknown>;
  const title = (loaded.module.meta as { title?: string } | undefined)?.title ?? file;
  const tracer = trace === "none" ? undefined : new ArrayTracer(TRACE_LIMIT);
  let loop: EventLoop | undefined;
  let failure: unknown;
  let lines: string[] = [];
  try {
    lines = await runScenario(main, styleOf(main), {
      ...loopOptions,
      tracer,
      onLoop: (l) => (loop = l),
      onRaise: (e) => (failure = e),
      onDeadlock: (e) => (failure = e),
    });
  } catch (e) {
    failure = e;
  }
  for (const line of lines) process.stdout.write(`${line}\n`);
  // what asyncio's default exception handler would have logged
  for (const ctx of loop?.unhandled ?? []) {
    process.stderr.write(`${pc.yellow(ctx.message)}\n${describeError(ctx.exception, loaded.path)}\n`);
  }
  if (tracer) {
    emitTrace(tracer.events, trace, out, title);
    if (tracer.dropped > 0) process.stderr.write(pc.yellow(`the trace shows the first ${tracer.events.length} events; ${tracer.dropped} more were not kept\n`));
  }
  if (loop && loop.tape.some((v) => v !== 0)) process.stderr.write(pc.dim(`tape: ${JSON.stringify(tapeOf(loop))}\n`));
  if (failure !== undefined) {
    process.stderr.write(`${pc.red("error:")} ${describeError(failure, loaded.path)}\n`);
    if (failure instanceof StepBudgetExceeded) {
      process.stderr.write(pc.dim(`(a livelock, or a longer run than the budget: --max-steps N sets it; the default is ${DEFAULT_MAX_STEPS})\n`));
    }
    return exitFor(failure);
  }
  const unreached = policy?.unreachedReport("--jitter, --export?") ?? null;
  if (unreached !== null) throw new UsageError(unreached);
  return EXIT.ok;
}

function tapeOf(loop: EventLoop): string {
  return loop.tape.map((v, i) => (v ? `${i}:${v}` : "")).filter(Boolean).join(",");
}

/** --out names a file that can be written, checked before a run that may be long: else a usage error naming it. */
function checkWritable(out: string): void {
  let problem: string | undefined;
  if (existsSync(out) && statSync(out).isDirectory()) problem = "it is a directory";
  else {
    const dir = dirname(resolve(out));
    if (!existsSync(dir)) problem = `the directory ${dir} does not exist`;
    else {
      try {
        accessSync(dir, constants.W_OK);
        if (existsSync(out)) accessSync(out, constants.W_OK);
      } catch {
        problem = "permission denied";
      }
    }
  }
  if (problem !== undefined) throw new UsageError(`--out ${out}: cannot write the trace there (${problem})`);
}

function emitTrace(events: TraceEvent[], format: string, out: string | undefined, title: string): void {
  const text = renderTrace(events, format, { title, color: format === "text" && !out && Boolean(process.stdout.isTTY) });
  if (out) {
    try {
      writeFileSync(out, text);
    } catch (e) {
      throw new CliError(`--out ${out}: could not write the trace: ${(e as Error).message}`);
    }
    process.stderr.write(pc.dim(`wrote the ${format} trace to ${out}\n`));
  } else {
    process.stdout.write(format === "text" ? `\n${text}\n` : text);
  }
}

/** vloop's version, from its package.json (src/cli/ and dist/cli/ both sit two levels below it). */
function version(): string {
  return (JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string }).version;
}

const SUMMARY = "Python's asyncio on a virtual clock: run, explore, replay and step through async programs";


const commands: CommandSpec[] = [
  {
    name: "run",
    summary: "run a scenario file and print its output and timeline",
    args: ["FILE"],
    options: [
      exportOption("the exported function to run (a generator function or an async function)"),
      { name: "seed", value: "seed", help: "seed for random strategies", default: "0" },
      { name: "strategy", value: "name", help: "scheduling strategy", choices: ["cpython", "fifo", "random"], default: "cpython" },
      maxStepsOption,
      traceOption,
      outOption,
    ],
    run: ([file], o) =>
      runAndShow(file as string, o.export as string, { seed: o.seed as string, strategy: o.strategy as string, maxSteps: o["max-steps"] as number }, o.trace as string, o.out as string | undefined),
  },
  {
    name: "replay",
    summary: "run a scenario file following a choice tape exactly",
    args: ["FILE"],
    options: [
      { name: "tape", value: "tape", help: 'the tape to follow, e.g. "12:1,40:2" ("" is CPython\'s order)', required: true },
      exportOption("the exported function to run"),
      { name: "jitter", value: "seconds", help: "the jitter the tape was recorded with (default: the tape's own header)", parse: nonNegative },
      maxStepsOption,
      traceOption,
      outOption,
    ],
    run: ([file], o) => {
      const policy = new ReplayPolicy(o.tape as string);
      const jitter = (o.jitter as number | undefined) ?? policy.jitter;
      return runAndShow(file as string, o.export as string, { strategy: policy, jitter, maxSteps: o["max-steps"] as number }, o.trace as string, o.out as string | undefined, policy);
    },
  },
  {
    name: "explore",
    summary: "run a program under many schedules; stop at the first failure and print how to replay it",
    args: ["FILE"],
    options: [
      exportOption("the exported program (a main coroutine function)"),
      { name: "strategy", value: "name", help: "exploration strategy", choices: ["random", "pct", "dfs", "portfolio"], default: "random" },
      { name: "runs", value: "n", help: "at most this many runs", default: "1000", parse: wholeNumber(1) },
      { name: "seed", value: "seed", help: "exploration seed", default: "0" },
      { name: "depth", value: "d", help: "PCT bug depth", default: "2", parse: wholeNumber(1) },
      { name: "jitter", value: "seconds", help: "let timers fire this much early or late, as a choice", parse: nonNegative },
      { name: "max-steps", value: "n", help: "step budget per run", parse: wholeNumber(1) },
      { name: "workers", value: "n", help: `explore on N worker threads (at most this machine's ${maxWorkers()})`, default: "1", parse: wholeNumber(1) },
      { name: "shard", value: "i/n", help: "explore only shard i of n of the seed range", parse: shard },
      { name: "self-check", help: "run each seed twice and fail if the traces differ" },
      { name: "swarm", help: "each run draws its own PCT depth (1-4) and jitter (0 to --jitter) from its seed" },
      { name: "json", value: "path", help: "also write the result as JSON (for vloop merge and CI)" },
      { name: "save-failures", value: "dir", help: "save the shrunk failing tape in DIR as a small file (replayTapes(DIR) from vloop/vitest replays each as a test)" },
    ],
    run: ([file], o) => exploreCommand(file as string, o as unknown as ExploreFlags),
  },
  {
    name: "merge",
    summary: "merge the --json results of the shards of one exploration; prints and exits as explore would over the whole range",
    args: ["RESULT.json..."],
    variadic: true,
    options: [{ name: "json", value: "path", help: "write the merged result as JSON" }],
    run: (paths, o) => mergeCommand(paths, o as { json?: string }),
  },
  {
    name: "step",
    summary: "step through a run one loop iteration at a time (keys: s/enter step, c continue to the next time advance, q quit)",
    args: ["FILE"],
    options: [
      exportOption("the exported function to run"),
      { name: "tape", value: "tape", help: "follow this tape (what explore printed); frames where a decision left CPython's order are marked" },
      { name: "run", value: "n", help: "or step through run N of an exploration with --strategy, --seed, --depth, --jitter and --swarm as given to explore", parse: wholeNumber(0) },
      { name: "strategy", value: "name", help: "with --run: the exploration's strategy", choices: ["random", "pct", "portfolio"], default: "random" },
      { name: "seed", value: "seed", help: "with --run: the exploration's seed", default: "0" },
      { name: "depth", value: "d", help: "with --run: PCT bug depth", default: "2", parse: wholeNumber(1) },
      { name: "swarm", help: "with --run: the exploration was a swarm" },
      { name: "jitter", value: "seconds", help: "the jitter of the tape or of the exploration (default: the tape's own header)", parse: nonNegative },
      maxStepsOption,
    ],
    run: async ([file], o) => {
      if (o.run !== undefined && o.tape !== undefined) throw new UsageError("vloop step: give --tape or --run, not both");
      const loaded = await loadFile(file as string);
      const main = exported(loaded, o.export as string);
      const tape = o.run !== undefined ? await tapeOfRun(main, o) : (o.tape as string | undefined);
      const options = { maxSteps: o["max-steps"] as number, tape, jitter: o.jitter as number | undefined };
      return stepThrough(main, loaded.path, options);
    },
  },
];

/** The full tape of run N of an exploration (vloop step --run N): explore runs that one run and reports its tape. */
async function tapeOfRun(program: (...args: unknown[]) => unknown, o: Record<string, unknown>): Promise<string> {
  let tape: string | undefined;
  await explore(program, {
    strategy: o.strategy as "random" | "pct" | "portfolio",
    seed: o.seed as string,
    depth: o.depth as number,
    jitter: o.jitter as number | undefined,
    swarm: o.swarm === true,
    maxSteps: o["max-steps"] as number,
    from: o.run as number,
    runs: 1,
    shrink: false,
    onRun: (r) => (tape = r.tape),
  });
  return tape as string;
}

/** Runs the command line on `argv` (the words after `vloop`); resolves to the exit status. */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "-h" || name === "--help" || name === "help") {
    process.stdout.write(programHelp(SUMMARY, commands));
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  if (name === "-V" || name === "--version") {
    process.stdout.write(`${version()}\n`);
    return EXIT.ok;
  }
  const command = commands.find((c) => c.name === name);
  if (command === undefined) {
    throw new UsageError(`unknown command ${JSON.stringify(name)} (the commands: ${commands.map((c) => c.name).join(", ")}; vloop --help)`);
  }
  if (rest.includes("-h") || rest.includes("--help")) {
    process.stdout.write(commandHelp(command));
    return EXIT.ok;
  }
  const { args, options } = parseCommand(command, rest);
  return command.run(args, options);
}

// `vloop ... | head` closes the pipe early: that is not an error.
process.stdout.on("error", (e: NodeJS.ErrnoException) => {
  if (e.code === "EPIPE") exitProcess(typeof process.exitCode === "number" ? process.exitCode : 0);
  throw e;
});

refuseProcessExit();
try {
  await loadRenderers();
  process.exitCode = await main(process.argv.slice(2));
} catch (e) {
  if (e instanceof UsageError) process.stderr.write(`${pc.red("error:")} ${e.message}\n${pc.dim("(vloop --help for the commands and their options)")}\n`);
  else if (e instanceof CliError) process.stderr.write(`${pc.red("error:")} ${e.message}\n`);
  else process.stderr.write(`${pc.red("error:")} ${describeError(e)}\n`);
  process.exitCode = EXIT.usage;
}
