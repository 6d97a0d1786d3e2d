/**
 * The `vloop` command line.
 *
 *   vloop run FILE [--seed S] [--strategy NAME] [--trace text|chrome|svg|none] [--out PATH]
 *   vloop explore FILE [--export NAME] [--strategy S] [--runs N] [--seed S] [--workers N] [--shard i/n]
 *   vloop replay FILE --tape T [--export NAME] [--trace ...] [--out PATH]
 *   vloop step FILE
 *
 * FILE is a scenario file: a TypeScript (or JavaScript) module exporting
 * `main` (a generator function or an async function) and optionally `meta`.
 * This is the only part of vloop that touches the console, files and the
 * process.
 */
import { writeFileSync } from "node:fs";
import { Command, InvalidArgumentError, Option } from "commander";
import pc from "picocolors";
import { NondeterminismError, explainTape, explore } from "../explore/explore.js";
import type { EventLoop } from "../futures/eventLoop.js";
import { ArrayTracer, type TraceEvent } from "../loop/trace.js";
import type { LoopOptions } from "../run.js";
import { ReplayPolicy } from "../schedule/replay.js";
import { runScenario, styleOf } from "../scenario/runScenario.js";
import { CliError, describeError, exported, loadFile } from "./load.js";
import { Progress } from "./progress.js";
import { explorePool } from "./explorePool.js";
import { stepThrough } from "./step.js";
import { loadRenderers, renderTrace } from "./traceOutput.js";

function int(name: string) {
  return (v: string): number => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError(`${name} must be a whole number >= 0 (got ${v})`);
    return n;
  };
}

function parseShard(v: string): { index: number; count: number } {
  const m = /^(\d+)\/(\d+)$/.exec(v);
  if (!m) throw new InvalidArgumentError(`--shard must look like i/n, e.g. 0/4 (got ${v})`);
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (count < 1 || index >= count) throw new InvalidArgumentError(`--shard ${v}: need 0 <= i < n`);
  return { index, count };
}

const traceOption = () =>
  new Option("--trace <format>", "draw the run: text (terminal timeline), chrome (Perfetto JSON), svg, or none").choices(["text", "chrome", "svg", "none"]);

/** Runs a file's main, prints its log lines, then the requested trace. */
async function runAndShow(file: string, exportName: string, loopOptions: LoopOptions, trace: string, out: string | undefined): Promise<number> {
  const loaded = await loadFile(file);
  const main = exported(loaded, exportName) as () => Generator<unknown, unknown, unknown>;
  const title = (loaded.module.meta as { title?: string } | undefined)?.title ?? file;
  const tracer = new ArrayTracer();
  let loop: EventLoop | undefined;
  let failure: unknown;
  let lines: string[] = [];
  try {
    lines = await runScenario(main, styleOf(main), { ...loopOptions, tracer, onLoop: (l) => (loop = l), onRaise: (e) => (failure = e) });
  } catch (e) {
    failure = e;
  }
  for (const line of lines) process.stdout.write(`${line}\n`);
  // what asyncio's default exception handler would have logged
  for (const ctx of loop?.unhandled ?? []) {
    process.stderr.write(`${pc.yellow(ctx.message)}\n${describeError(ctx.exception, loaded.path)}\n`);
  }
  if (trace !== "none") emitTrace(tracer.events, trace, out, title);
  if (loop && loop.tape.length > 0) process.stderr.write(pc.dim(`tape: ${JSON.stringify(tapeOf(loop))}\n`));
  if (failure !== undefined) {
    process.stderr.write(`${pc.red("error:")} ${describeError(failure, loaded.path)}\n`);
    return 1;
  }
  return 0;
}

function tapeOf(loop: EventLoop): string {
  return loop.tape.map((v, i) => (v ? `${i}:${v}` : "")).filter(Boolean).join(",");
}

function emitTrace(events: TraceEvent[], format: string, out: string | undefined, title: string): void {
  const text = renderTrace(events, format, { title, color: format === "text" && !out && Boolean(process.stdout.isTTY) });
  if (out) {
    writeFileSync(out, text);
    process.stderr.write(pc.dim(`wrote the ${format} trace to ${out}\n`));
  } else {
    process.stdout.write(format === "text" ? `\n${text}\n` : text);
  }
}

export function buildProgram(): Command {
  const program = new Command();
  program.name("vloop").description("Python's asyncio on a virtual clock: run, explore, replay and step through async programs").showHelpAfterError();

  program
    .command("run")
    .description("run a scenario file and print its output and timeline")
    .argument("<file>", "a module exporting main (generator function or async function)")
    .option("--export <name>", "the exported function to run", "main")
    .option("--seed <seed>", "seed for random strategies", "0")
    .addOption(new Option("--strategy <name>", "scheduling strategy").choices(["cpython", "fifo", "random"]).default("cpython"))
    .addOption(traceOption().default("text"))
    .option("--out <path>", "write the trace to a file instead of stdout")
    .action(async (file: string, o: { export: string; seed: string; strategy: string; trace: string; out?: string }) => {
      process.exitCode = await runAndShow(file, o.export, { seed: o.seed, strategy: o.strategy }, o.trace, o.out);
    });

  program
    .command("replay")
    .description("run a scenario file following a choice tape exactly")
    .argument("<file>")
    .requiredOption("--tape <tape>", 'the tape to follow, e.g. "12:1,40:2" ("" is CPython\'s order)')
    .option("--export <name>", "the exported function to run", "main")
    .option("--jitter <seconds>", "the jitter the tape was recorded with (default: the tape's own header)", Number)
    .option("--max-steps <n>", "step budget", int("--max-steps"))
    .addOption(traceOption().default("text"))
    .option("--out <path>", "write the trace to a file instead of stdout")
    .action(async (file: string, o: { tape: string; export: string; jitter?: number; maxSteps?: number; trace: string; out?: string }) => {
      const policy = new ReplayPolicy(o.tape);
      process.exitCode = await runAndShow(file, o.export, { strategy: policy, jitter: o.jitter ?? policy.jitter, maxSteps: o.maxSteps }, o.trace, o.out);
    });

  program
    .command("explore")
    .description("run a program under many schedules; stop at the first failure and print how to replay it")
    .argument("<file>")
    .option("--export <name>", "the exported program (a main coroutine function)", "main")
    .addOption(new Option("--strategy <name>", "exploration strategy").choices(["random", "pct", "dfs", "portfolio"]).default("random"))
    .option("--runs <n>", "at most this many runs", int("--runs"), 1000)
    .option("--seed <seed>", "exploration seed", "0")
    .option("--depth <d>", "PCT bug depth", int("--depth"), 2)
    .option("--jitter <seconds>", "let timers fire this much early or late, as a choice", Number)
    .option("--max-steps <n>", "step budget per run", int("--max-steps"))
    .option("--workers <n>", "explore on N worker threads", int("--workers"), 1)
    .option("--shard <i/n>", "explore only shard i of n of the seed range", parseShard)
    .option("--self-check", "run each seed twice and fail if the traces differ")
    .action(async (file: string, o: { export: string; strategy: "random" | "pct" | "dfs" | "portfolio"; runs: number; seed: string; depth: number; jitter?: number; maxSteps?: number; workers: number; shard?: { index: number; count: number }; selfCheck?: boolean }) => {
      const loaded = await loadFile(file);
      const prog = exported(loaded, o.export);
      const base = { strategy: o.strategy, runs: o.runs, seed: o.seed, depth: o.depth, jitter: o.jitter, maxSteps: o.maxSteps, shard: o.shard, selfCheck: o.selfCheck };
      const progress = new Progress(`exploring (${o.strategy})`);
      let tape: string | undefined;
      let seed: string | undefined;
      let runs = 0;
      if (o.workers > 1 && o.strategy !== "dfs") {
        const r = await explorePool({ file: loaded.path, exportName: o.export, workers: o.workers, options: base, onProgress: (d, t) => progress.update(d, t) });
        progress.done();
        runs = r.runs;
        if (r.failed) {
          tape = r.first?.tape;
          seed = r.first?.seed;
        }
      } else {
        if (o.workers > 1) process.stderr.write(pc.yellow("dfs runs in one worker: each schedule depends on the ones before it\n"));
        const r = await explore(prog, { ...base, shrink: false, onProgress: (d, t) => progress.update(d, t) });
        progress.done();
        runs = r.runs;
        if (r.error instanceof NondeterminismError) {
          process.stdout.write(`${pc.red("not deterministic")}: ${r.error.message}\n`);
          process.exitCode = 1;
          return;
        }
        if (r.failed) {
          tape = r.tape;
          seed = r.seed;
        }
      }
      if (tape === undefined) {
        process.stdout.write(`${pc.green("no failure")} in ${runs} runs (${o.strategy}, seed ${JSON.stringify(o.seed)})\n`);
        return;
      }
      // shrink and explain the failing run here, in one process
      const report = await explainTape(prog, tape, { seed: seed as string, strategy: o.strategy, runs, maxSteps: o.maxSteps, jitter: o.jitter });
      process.stdout.write(`${pc.red("failure")} after ${runs} runs\n${report.report}\n`);
      const flags = `${o.export !== "main" ? ` --export ${o.export}` : ""}${o.maxSteps ? ` --max-steps ${o.maxSteps}` : ""}`;
      process.stdout.write(`\nreplay it:\n  npx vloop replay ${file} --tape ${JSON.stringify(report.shrunkTape)}${flags}\n`);
      process.exitCode = 1;
    });

  program
    .command("step")
    .description("step through a run one loop iteration at a time (keys: s/enter step, c continue to the next time advance, q quit)")
    .argument("<file>")
    .option("--export <name>", "the exported function to run", "main")
    .action(async (file: string, o: { export: string }) => {
      const loaded = await loadFile(file);
      process.exitCode = await stepThrough(exported(loaded, o.export), loaded.path);
    });

  return program;
}

// `vloop ... | head` closes the pipe early: that is not an error.
process.stdout.on("error", (e: NodeJS.ErrnoException) => {
  if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw e;
});

try {
  await loadRenderers();
  await buildProgram().parseAsync(process.argv);
} catch (e) {
  if (e instanceof CliError) process.stderr.write(`${pc.red("error:")} ${e.message}\n`);
  else process.stderr.write(`${pc.red("error:")} ${describeError(e)}\n`);
  process.exitCode = 2;
}
