/**
 * `vloop explore` and `vloop merge`: run an exploration (in this process, or
 * on worker threads), shrink and explain what it found, print it, and write
 * its result file (--json) and its saved tape (--save-failures); merge the
 * result files of an exploration's shards.
 */
import { createHash } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { basename, join, relative, resolve, sep } from "node:path";
import { SAVED_TAPE_VERSION, type SavedTape } from "../explore/savedTape.js";
import { pc } from "./colors.js";
import { EXIT } from "./exitStatus.js";
import { NondeterminismError, describeSwarm, explainTape, explore, swarmParams } from "../explore/explore.js";
import { CliError, exported, loadFile } from "./load.js";
import { type ExploreFailure, type ExploreRecord, RESULT_VERSION, mergeRecords, programHash, readRecord } from "./results.js";
import { Progress } from "./progress.js";
import { exploreDfsPool, explorePool, maxWorkers } from "./explorePool.js";

/** The options of `vloop explore`, as parsed. */
export interface ExploreFlags {
  export: string;
  strategy: "random" | "pct" | "dfs" | "portfolio";
  runs: number;
  seed: string;
  depth: number;
  jitter?: number;
  "max-steps"?: number;
  workers: number;
  shard?: { index: number; count: number };
  "self-check"?: boolean;
  json?: string;
  "save-failures"?: string;
  swarm?: boolean;
}

/** `vloop explore FILE`: resolves to the exit status. */
export async function exploreCommand(file: string, o: ExploreFlags): Promise<number> {
  const started = performance.now(); // real-time: the result's elapsed wall time, reported only
  const loaded = await loadFile(file);
  const prog = exported(loaded, o.export);
  const maxSteps = o["max-steps"];
  const shard = o.shard ?? { index: 0, count: 1 };
  const base = { strategy: o.strategy, runs: o.runs, seed: o.seed, depth: o.depth, jitter: o.jitter, maxSteps, shard: o.shard, selfCheck: o["self-check"], swarm: o.swarm };
  const progress = new Progress(`exploring (${o.strategy})`);
  let found: { tape: string; seed: string; runIndex: number; strategy: string; dfsTape?: string } | undefined;
  let dfsRuns: string[] | undefined;
  let nondeterministic: string | null = null;
  let runs = 0;
  let exhausted: boolean | undefined;
  let workers = o.workers;
  if (workers > maxWorkers()) {
    process.stderr.write(pc.yellow(`--workers ${workers} is more than this machine runs at once: using ${maxWorkers()}\n`));
    workers = maxWorkers();
  }
  if (workers > 1 && o.strategy !== "dfs") {
    const r = await explorePool({ file: loaded.path, exportName: o.export, workers, options: base, onProgress: (d, t) => progress.update(d, t) });
    progress.done();
    runs = r.runs;
    nondeterministic = r.first?.nondeterministic ?? null;
    const first = r.first;
    if (r.failed && first?.tape !== undefined && nondeterministic === null) {
      found = { tape: first.tape, seed: first.seed as string, runIndex: first.runIndex as number, strategy: first.strategy ?? o.strategy };
    }
  } else if (workers > 1) {
    // dfs: the workers search parts of the tree
    const r = await exploreDfsPool({ file: loaded.path, exportName: o.export, workers, options: base, onProgress: (d, t) => progress.update(d, t) });
    progress.done();
    runs = r.runs;
    exhausted = r.exhausted;
    if (shard.count > 1) dfsRuns = r.dfsRuns; // this shard's part of a split search, for vloop merge
    nondeterministic = r.first?.nondeterministic ?? null;
    const first = r.first;
    if (r.failed && first?.tape !== undefined && nondeterministic === null) {
      found = { tape: first.tape, seed: first.seed as string, runIndex: first.runIndex as number, strategy: "dfs", dfsTape: first.dfsTape };
    }
  } else {
    const r = await explore(prog, { ...base, shrink: false, onProgress: (d, t) => progress.update(d, t) });
    progress.done();
    runs = r.runs;
    exhausted = r.exhausted;
    dfsRuns = r.dfsRuns;
    if (r.error instanceof NondeterminismError) nondeterministic = r.error.message;
    else if (r.failed) found = { tape: r.tape as string, seed: r.seed as string, runIndex: r.runIndex as number, strategy: r.strategy ?? o.strategy, dfsTape: r.dfsTape };
  }
  let failure: ExploreFailure | null = null;
  if (found !== undefined) {
    // shrink and explain the failing run here, in one process
    // (the tape carries its jitter: a swarm run drew its own)
    const report = await explainTape(prog, found.tape, { seed: found.seed, strategy: o.strategy, runs, maxSteps, jitter: o.swarm ? undefined : o.jitter });
    const flags = `${o.export !== "main" ? ` --export ${o.export}` : ""}${maxSteps ? ` --max-steps ${maxSteps}` : ""}`;
    failure = {
      runIndex: found.runIndex,
      seed: found.seed,
      strategy: found.strategy,
      tape: found.tape,
      shrunkTape: report.shrunkTape as string,
      error: report.error instanceof Error ? `${report.error.name}: ${report.error.message}` : String(report.error),
      // the first line ("failing run found by S after N runs (seed ...): error") is printed from the
      // record's fields, so that a merge of shards says what one process would have said
      report: (report.report as string).split("\n").slice(1).join("\n"),
      replay: `npx vloop replay ${file} --tape ${JSON.stringify(report.shrunkTape)}${flags}`,
      ...(found.dfsTape !== undefined ? { dfsTape: found.dfsTape } : {}),
    };
  }
  const record: ExploreRecord = {
    kind: "vloop-explore-result",
    version: RESULT_VERSION,
    program: { file, export: o.export, sha256: programHash(loaded.path) },
    strategy: o.strategy,
    options: { runs: o.runs, seed: o.seed, depth: o.depth, jitter: o.jitter ?? null, maxSteps: maxSteps ?? null, selfCheck: o["self-check"] === true, swarm: o.swarm === true },
    shard,
    shards: [shard.index],
    runsExecuted: runs,
    runs,
    elapsedMs: Math.round(performance.now() - started), // real-time: reported only
    failure,
    nondeterministic,
    ...(exhausted !== undefined ? { exhausted } : {}),
    ...(dfsRuns !== undefined ? { dfsRuns } : {}),
  };
  if (o.json !== undefined) writeJson(o.json, record);
  const code = printRecord(record);
  if (failure !== null && o["save-failures"] !== undefined) saveFailure(o["save-failures"], loaded.path, o, failure);
  return code;
}

/** Writes a failure's shrunk tape as a saved tape in `dir` (the name says which program, export and tape). */
function saveFailure(dir: string, programPath: string, o: ExploreFlags, failure: ExploreFailure): void {
  const saved: SavedTape = {
    kind: "vloop-tape",
    version: SAVED_TAPE_VERSION,
    program: { file: relative(resolve(dir), programPath).split(sep).join("/"), export: o.export },
    tape: failure.shrunkTape,
    jitter: o.jitter ?? null,
    maxSteps: o["max-steps"] ?? null,
    error: failure.error,
    found: { strategy: failure.strategy, seed: failure.seed, runIndex: failure.runIndex },
  };
  const id = createHash("sha256").update(`${saved.program.file}\n${saved.program.export}\n${saved.tape}\n${saved.jitter}`).digest("hex").slice(0, 8);
  const path = join(dir, `${basename(programPath).replace(/\.[^.]*$/, "")}-${o.export}-${id}.tape.json`);
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(path, `${JSON.stringify(saved, null, 2)}\n`);
  } catch (e) {
    throw new CliError(`--save-failures ${dir}: cannot write ${path} (${e instanceof Error ? e.message : String(e)})`);
  }
  process.stdout.write(`\nsaved the tape: ${path}\n`);
}

/** Writes a result file (--json). */
function writeJson(path: string, record: ExploreRecord): void {
  try {
    writeFileSync(path, `${JSON.stringify(record, null, 2)}\n`);
  } catch (e) {
    throw new CliError(`--json ${path}: cannot write it (${e instanceof Error ? e.message : String(e)})`);
  }
}

/** Prints what explore (or merge) found, and returns the exit status. */
function printRecord(r: ExploreRecord): number {
  if (r.nondeterministic !== null) {
    process.stdout.write(`${pc.red("not deterministic")}: ${r.nondeterministic}\n`);
    return EXIT.raised;
  }
  if (r.failure === null) {
    process.stdout.write(`${pc.green("no failure")} in ${r.runs} runs (${r.strategy}, seed ${JSON.stringify(r.options.seed)})\n`);
    return EXIT.ok;
  }
  const f = r.failure;
  process.stdout.write(`${pc.red("failure")} after ${r.runs} runs\n`);
  // a swarm run's parameters are a function of its seed: say what it drew
  const drawn = r.options.swarm ? swarmParams(f.seed, r.options.jitter ?? undefined) : undefined;
  const how = drawn ? describeSwarm(f.strategy, drawn) : f.strategy;
  process.stdout.write(`failing run found by ${how} after ${r.runs} runs (seed ${JSON.stringify(f.seed)}): ${f.error}\n${f.report}\n`);
  process.stdout.write(`\nreplay it:\n  ${r.failure.replay}\n`);
  return EXIT.raised;
}

/** `vloop merge RESULT.json...`: resolves to the exit status. */
export async function mergeCommand(paths: string[], o: { json?: string }): Promise<number> {
  const merged = mergeRecords(paths.map(readRecord), paths);
  if (merged.shards.length < merged.shard.count) {
    const missing = Array.from({ length: merged.shard.count }, (_, i) => i).filter((i) => !merged.shards.includes(i));
    process.stderr.write(pc.yellow(`merged ${merged.shards.length} of ${merged.shard.count} shards: shards ${missing.join(", ")} are missing\n`));
  }
  if (o.json !== undefined) writeJson(o.json, merged);
  return printRecord(merged);
}

