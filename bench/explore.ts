/**
 * Exploration benchmarks: how fast vloop explores schedules, and how quickly
 * its strategies find a bug. Run by `npm run bench` after the loop benchmarks
 * (as its own table), or alone:
 *
 *   npm run bench -- --only explore                    # both
 *   npm run bench -- --only explore_throughput         # one (or explore_loaders, pct_vs_random, explore_lost_reply)
 *   node --expose-gc --import tsx bench/explore.ts [--only explore_throughput,pct_vs_random]
 *        [--runs N] [--seeds S] [--strict]
 *
 * explore_throughput: schedules per second on the lost-update program
 *   (bench/workloads/explore_lost_update.ts, nothing checked so every run is a
 *   full schedule): vloop `explore(program, { strategy: "random", runs, shrink:
 *   false })`, generator and async styles, against fast-check's `fc.scheduler()`
 *   running the same program under `fc.assert(fc.asyncProperty(...), { numRuns })`
 *   in this same process. Each side runs batches of BATCH schedules: untimed
 *   warm-up batches until a batch is no more than 5% faster than the one before
 *   (at most 5), then N timed batches (default 3), the sides taking turns; no
 *   forced GC between batches (see bench/throughput.ts); best of N.
 * explore_loaders: the same program with its workers written as closures inside
 *   the program (as users write them) beside the top-level form and fast-check's
 *   drivers, under tsx, an esbuild bundle without keepNames, and a vitest test,
 *   each in its own process (bench/explore_forms.ts; see exploreLoaders).
 * pct_vs_random: average runs to find the depth-2 bug of
 *   bench/workloads/explore_pagination.ts with `pct` and with `random`, over S
 *   exploration seeds each (default 100), each search capped at CAP runs (a miss
 *   counts as CAP). Also: dfs (one deterministic search), two checks that the bug
 *   is what it claims (CPython's order passes; PCT without a change point never
 *   finds it), the analytic model's prediction, and two what-if PCT searches
 *   that draw the change point over the "ready" decisions only, which are the
 *   only ones PctPolicy counts as steps (not what explore does; see README).
 *
 * explore_lost_reply: schedules per second on the simulated network's
 *   lost-reply race (bench/exploreNetwork.ts).
 *
 * Prints the tables and writes every number to bench/results/explore.json.
 * Exit status: 1 if a check fails (or, with --strict, if a target is missed).
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { buildSync } from "esbuild";
import fc from "fast-check";
import type { FormsReport } from "./explore_forms.js";
import { exploreLostReply, printLostReply } from "./exploreNetwork.js";
import { type EventLoop, run } from "../src/index.js";
import { explore, PctPolicy, RandomPolicy, replay } from "../src/testing.js";
import {
  asyncProgram,
  checkBatch,
  type FcDriver,
  fastCheckProperty,
  generatorProgram,
  newSink,
} from "./workloads/explore_lost_update.js";
import {
  DEFAULT_CONFIG,
  DuplicateItem,
  expectedRuns,
  PAGE_SIZE,
  paginationProgram,
  pctHitProbability,
  randomHitProbability,
} from "./workloads/explore_pagination.js";

const { pages: PAGES, k: K, noiseTasks: NOISE_TASKS } = DEFAULT_CONFIG;
const ROOT = fileURLToPath(new URL("..", import.meta.url));

const EXPLORE_BENCHES = ["explore_throughput", "explore_loaders", "pct_vs_random", "explore_lost_reply"] as const;
type BenchName = (typeof EXPLORE_BENCHES)[number];

// --- explore_throughput -------------------------------------------------------------

/** Schedules per timed batch. */
const BATCH = 4000;
const WARMUP_GAIN = 0.05;
const MAX_WARMUPS = 5;
/** issue #13 item 8: the generator style >= 10x fast-check's waitAll, the async style >= 3x */
const THROUGHPUT_TARGETS: Record<string, number> = { generator: 10, async: 3 };
/**
 * fast-check's ways to drive a scheduler to the end of a run: waitAll (deprecated
 * in v4), waitIdle (its replacement) and waitFor(the program's promise).
 */
const FC_DRIVERS: readonly FcDriver[] = ["waitAll", "waitIdle", "waitFor"];

interface Side {
  id: string;
  label: string;
  /** Runs one batch of `runs` schedules; returns how many write orders were distinct. */
  batch(runs: number, seed: number): Promise<number>;
}

function vloopSide(style: "generator" | "async"): Side {
  return {
    id: `vloop_${style}`,
    label: `vloop explore(random), ${style}`,
    async batch(runs, seed) {
      const sink = newSink();
      const program = style === "generator" ? generatorProgram(sink) : asyncProgram(sink);
      const r = await explore(program, { strategy: "random", runs, shrink: false, seed });
      if (r.failed || r.runs !== runs) throw new Error(`vloop ${style}: explore failed or stopped early (${r.runs} runs)`);
      return checkBatch(sink, runs, `vloop ${style}`);
    },
  };
}

function fastCheckSide(driver: FcDriver): Side {
  return {
    id: `fastcheck_${driver}`,
    label: `fast-check fc.scheduler(), ${driver}`,
    async batch(runs, seed) {
      const sink = newSink();
      await fc.assert(fc.asyncProperty(fc.scheduler(), fastCheckProperty(sink, driver)), { numRuns: runs, seed });
      return checkBatch(sink, runs, `fast-check ${driver}`);
    },
  };
}

/**
 * One batch: wall seconds, CPU seconds (user + system, this process), distinct write orders.
 * No forced GC before a batch (as in bench/throughput.ts): a full GC shrinks V8's young
 * generation back to its minimum and the next batch would pay for extra scavenges; GC cost
 * stays in the measurement, for both sides.
 */
async function timeBatch(side: Side, runs: number, seed: number): Promise<[number, number, number]> {
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  const distinct = await side.batch(runs, seed);
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const c = process.cpuUsage(c0);
  return [seconds, (c.user + c.system) / 1e6, distinct];
}

/** Decisions with at least two alternatives per schedule, averaged over `runs` schedules (untimed). */
async function choicesPerSchedule(side: Side, runs: number): Promise<number> {
  let total = 0;
  if (side.id.startsWith("vloop")) {
    const sink = newSink();
    const program = side.id === "vloop_generator" ? generatorProgram(sink) : asyncProgram(sink);
    for (let i = 0; i < runs; i++) {
      let loop: EventLoop | undefined;
      await run(program, { strategy: new RandomPolicy(`choices/${i}`), onLoop: (l) => (loop = l) });
      total += loop!.tape.length;
    }
  } else {
    const sink = newSink();
    const act = async (s: fc.Scheduler, f: () => Promise<void>): Promise<void> => {
      if (s.count() >= 2) total++;
      await f();
    };
    const driver = side.id.slice("fastcheck_".length) as FcDriver;
    await fc.assert(fc.asyncProperty(fc.scheduler(), fastCheckProperty(sink, driver, act)), { numRuns: runs, seed: 1 });
  }
  return total / runs;
}

interface SideResult {
  id: string;
  label: string;
  /** from the best wall time */
  schedulesPerSecond: number;
  microsPerSchedule: number;
  /** from the best CPU time (user + system): less sensitive to other processes on the machine */
  cpuMicrosPerSchedule: number;
  choicesPerSchedule: number;
  /** distinct write orders in the last timed batch */
  distinct: number;
  warmups: number[];
  runs: number[];
  cpuRuns: number[];
}

interface ThroughputResult {
  batch: number;
  sides: SideResult[];
  ratios: { style: string; versus: string; ratio: number; target: string; met: boolean }[];
}

async function exploreThroughput(timedRuns: number): Promise<ThroughputResult> {
  const sides = [vloopSide("generator"), vloopSide("async"), ...FC_DRIVERS.map(fastCheckSide)];
  const warmups = new Map<string, number[]>();
  let seed = 1;
  for (const side of sides) {
    const w: number[] = [];
    while (w.length < MAX_WARMUPS) {
      const [s] = await timeBatch(side, BATCH, seed++);
      const previous = w[w.length - 1];
      w.push(s);
      if (previous !== undefined && s > previous * (1 - WARMUP_GAIN)) break;
    }
    warmups.set(side.id, w);
  }
  const times = new Map<string, number[]>(sides.map((s) => [s.id, []]));
  const cpuTimes = new Map<string, number[]>(sides.map((s) => [s.id, []]));
  const distinct = new Map<string, number>();
  for (let r = 0; r < timedRuns; r++) {
    // the sides take turns, starting one further along each round
    for (let j = 0; j < sides.length; j++) {
      const side = sides[(r + j) % sides.length]!;
      const [s, cpu, d] = await timeBatch(side, BATCH, 1000 + r);
      times.get(side.id)!.push(s);
      cpuTimes.get(side.id)!.push(cpu);
      distinct.set(side.id, d);
    }
  }
  const results: SideResult[] = [];
  for (const side of sides) {
    const best = Math.min(...times.get(side.id)!);
    results.push({
      id: side.id,
      label: side.label,
      schedulesPerSecond: BATCH / best,
      microsPerSchedule: (best / BATCH) * 1e6,
      cpuMicrosPerSchedule: (Math.min(...cpuTimes.get(side.id)!) / BATCH) * 1e6,
      choicesPerSchedule: await choicesPerSchedule(side, 300),
      distinct: distinct.get(side.id)!,
      warmups: warmups.get(side.id)!,
      runs: times.get(side.id)!,
      cpuRuns: cpuTimes.get(side.id)!,
    });
  }
  const by = (id: string): SideResult => results.find((x) => x.id === id)!;
  const ratios: ThroughputResult["ratios"] = [];
  for (const style of ["generator", "async"]) {
    for (const versus of FC_DRIVERS) {
      const ratio = by(`vloop_${style}`).schedulesPerSecond / by(`fastcheck_${versus}`).schedulesPerSecond;
      const target = THROUGHPUT_TARGETS[style]!;
      ratios.push({ style, versus, ratio, target: `>= ${target}x`, met: ratio >= target });
    }
  }
  return { batch: BATCH, sides: results, ratios };
}

// --- explore_loaders ---------------------------------------------------------------------

const LOADER_TIMEOUT_MS = 300_000;

/** One loader's child process: its report, or why it failed. */
type LoaderOutcome = { loader: string; how: string; report?: FormsReport; error?: string };

function spawnForms(loader: string, how: string, cwd: string, cmd: string, args: string[], env?: NodeJS.ProcessEnv): LoaderOutcome {
  const r = spawnSync(cmd, args, { cwd, encoding: "utf8", timeout: LOADER_TIMEOUT_MS, env: env ?? process.env });
  if (r.error || r.status !== 0) {
    const tail = (r.stderr || r.stdout || "").trim().split("\n").slice(-6).join("\n    ");
    return { loader, how, error: `${r.error?.message ?? `exit ${r.signal ?? r.status}`}\n    ${tail}` };
  }
  if (env?.VLOOP_FORMS_OUT) return { loader, how, report: JSON.parse(readFileSync(env.VLOOP_FORMS_OUT, "utf8")) as FormsReport };
  return { loader, how, report: JSON.parse(r.stdout.trim().split("\n").pop() ?? "") as FormsReport };
}

/** The files of the forms program, copied as they are into the user's project (they import "vloop"). */
const FORMS_FILES = ["explore_forms.ts", "explore_forms_main.ts", "explore_forms.vitest.ts", "workloads/explore_lost_update.ts"];

/**
 * A user's project, as far as vloop is concerned: bench/results/user/ with vloop
 * installed in its node_modules the way npm installs it (the package.json and the
 * dist/ that build.mjs makes, `npm pack`'s build), its own tsconfig.json and vitest
 * configuration (nothing of this repository's: no paths to src/, no aliases), and
 * the forms program's files copied in unchanged. "vloop" and "vloop/testing"
 * resolve to node_modules/vloop/dist there, so every loader compiles only the
 * user's program and runs vloop's published JavaScript, and vitest externalizes
 * vloop as it does any package in node_modules. The tools (tsx, vitest,
 * fast-check, esbuild) are this repository's, the same versions a user installs,
 * found up the directory tree.
 */
function userProject(): string {
  const dir = join(ROOT, "bench", "results", "user");
  rmSync(dir, { recursive: true, force: true });
  process.stderr.write("bench: explore_loaders: building the package (build.mjs) ...\n");
  const built = spawnSync(process.execPath, ["build.mjs"], { cwd: ROOT, encoding: "utf8" });
  if (built.status !== 0) throw new Error(`explore_loaders: build.mjs failed: ${built.stderr || built.stdout}`);
  const pkg = join(dir, "node_modules", "vloop");
  mkdirSync(pkg, { recursive: true });
  cpSync(join(ROOT, "dist"), join(pkg, "dist"), { recursive: true });
  cpSync(join(ROOT, "package.json"), join(pkg, "package.json"));
  for (const f of FORMS_FILES) {
    mkdirSync(dirname(join(dir, "bench", f)), { recursive: true });
    cpSync(join(ROOT, "bench", f), join(dir, "bench", f));
  }
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "vloop-bench-user", private: true, type: "module" }, null, 2) + "\n");
  // Strict settings, as a user's project would have; above all it stops tsx and
  // esbuild from finding this repository's tsconfig.json (whose paths lead to src/).
  writeFileSync(
    join(dir, "tsconfig.json"),
    JSON.stringify({ compilerOptions: { target: "ES2022", module: "ESNext", moduleResolution: "Bundler", strict: true, skipLibCheck: true, noEmit: true } }, null, 2) + "\n",
  );
  writeFileSync(
    join(dir, "vitest.config.mjs"),
    `import { defineConfig } from "vitest/config";\nexport default defineConfig({ test: { include: ["bench/explore_forms.vitest.ts"] } });\n`,
  );
  return dir;
}

/**
 * bench/explore_forms.ts (closure and top-level forms, fast-check's drivers) under
 * three TypeScript loaders, each in its own process, one after the other, in a
 * user's project (userProject: vloop as npm installs it): tsx (esbuild with
 * keepNames, what the CLI uses today), an esbuild bundle of the program without
 * keepNames (what the CLI could make of a user's file), and a vitest test
 * (vitest's own transform). The loader compiles the program; vloop is the
 * published dist/ in every case, as it is for users.
 */
function exploreLoaders(timedRuns: number): LoaderOutcome[] {
  const node = process.execPath;
  const runs = ["--runs", String(timedRuns)];
  const user = userProject();
  const out: LoaderOutcome[] = [];
  process.stderr.write("bench: explore_loaders: tsx ...\n");
  out.push(
    spawnForms("tsx", "node --import tsx bench/explore_forms_main.ts", user, node, [
      "--expose-gc", "--import", "tsx", "bench/explore_forms_main.ts", "--loader", "tsx", ...runs,
    ]),
  );
  process.stderr.write("bench: explore_loaders: esbuild bundle ...\n");
  const bundle = join(user, "bench", "explore_forms.mjs");
  buildSync({
    entryPoints: [join(user, "bench", "explore_forms_main.ts")],
    outfile: bundle,
    bundle: true,
    format: "esm",
    platform: "node",
    target: "es2022",
    packages: "external",
    tsconfig: join(user, "tsconfig.json"),
    logLevel: "warning",
  });
  out.push(
    spawnForms("esbuild", "esbuild bundle of the program (build.mjs's settings, no keepNames)", user, node, [
      "--expose-gc", bundle, "--loader", "esbuild", ...runs,
    ]),
  );
  process.stderr.write("bench: explore_loaders: vitest ...\n");
  const report = join(ROOT, "bench", "results", "explore_forms.vitest.json");
  rmSync(report, { force: true });
  out.push(
    spawnForms(
      "vitest",
      "vitest run (vitest.config.mjs of the user's project)",
      user,
      node,
      [join(ROOT, "node_modules", "vitest", "vitest.mjs"), "run", "--config", "vitest.config.mjs"],
      { ...process.env, VLOOP_FORMS_OUT: report, VLOOP_FORMS_RUNS: String(timedRuns) },
    ),
  );
  return out;
}

function printLoaders(outcomes: LoaderOutcome[], timedRuns: number): void {
  console.log(
    `explore_loaders: the lost-update program with its workers as closures inside the program (as users write it) ` +
      `beside the top-level form and fast-check, under each TypeScript loader; best of ${timedRuns} batches of 4000, ` +
      `schedules/s from CPU time (wall time in explore.json)`,
  );
  const get = (o: LoaderOutcome, id: string): number =>
    o.report!.sides.find((s) => s.id === id)!.cpuSchedulesPerSecond;
  const ok = outcomes.filter((o) => o.report);
  console.log(
    table(
      [
        "loader", "keepNames", "gen top-level", "gen closure", "closure/top", "async top-level", "async closure",
        "closure/top", "fc waitAll", "fc waitIdle", "fc waitFor", "gen closure / waitAll", "async closure / waitAll",
      ],
      ok.map((o) => {
        const gt = get(o, "vloop_top-level_generator");
        const gc = get(o, "vloop_closure_generator");
        const at = get(o, "vloop_top-level_async");
        const ac = get(o, "vloop_closure_async");
        const wa = get(o, "fastcheck_waitAll");
        return [
          o.loader, o.report!.keepNames ? "yes" : "no", fmtRate(gt), fmtRate(gc), fmtRatio(gc / gt), fmtRate(at),
          fmtRate(ac), fmtRatio(ac / at), fmtRate(wa), fmtRate(get(o, "fastcheck_waitIdle")),
          fmtRate(get(o, "fastcheck_waitFor")), fmtRatio(gc / wa), fmtRatio(ac / wa),
        ];
      }),
      new Set([2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]),
    ),
  );
  console.log(`loaders: ${outcomes.map((o) => `${o.loader} = ${o.how}`).join("; ")}.`);
  for (const o of outcomes.filter((x) => x.error)) console.log(`note: explore_loaders ${o.loader} failed: ${o.error}`);
}

// --- pct_vs_random ----------------------------------------------------------------------

const CAP = 5000;
const PCT_TARGET = 10;
/** explore's starting guess for PCT's k before any run has been seen (explore.ts). */
const EXPLORE_FIRST_K = 50;

interface SearchStats {
  strategy: string;
  seeds: number;
  /** runs to the first failure per seed (CAP for a miss) */
  runs: number[];
  found: number;
  average: number;
  median: number;
  /** the model's expected runs (null: no model) */
  model: number | null;
  seconds: number;
}

function stats(strategy: string, runs: number[], found: number, model: number | null, seconds: number): SearchStats {
  const sorted = [...runs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return {
    strategy,
    seeds: runs.length,
    runs,
    found,
    average: runs.reduce((a, b) => a + b, 0) / runs.length,
    median,
    model,
    seconds,
  };
}

async function searchWithExplore(strategy: "pct" | "random", seeds: number, model: number): Promise<SearchStats> {
  const t0 = process.hrtime.bigint();
  const runs: number[] = [];
  let found = 0;
  for (let s = 0; s < seeds; s++) {
    const r = await explore(paginationProgram, { strategy, runs: CAP, shrink: false, seed: s });
    if (r.failed) {
      if (!(r.error instanceof DuplicateItem)) throw new Error(`${strategy} seed ${s}: unexpected failure ${String(r.error)}`);
      found++;
      runs.push(r.runs);
    } else runs.push(CAP);
  }
  return stats(strategy, runs, found, model, Number(process.hrtime.bigint() - t0) / 1e9);
}

/** One run under `policy`; returns whether it hit the bug and how many decisions of each kind it made. */
async function runPagination(policy: PctPolicy | RandomPolicy): Promise<{ hit: boolean; ready: number; all: number }> {
  let loop: EventLoop | undefined;
  let hit = false;
  try {
    await run(paginationProgram, { strategy: policy, recordChoices: true, onLoop: (l) => (loop = l) });
  } catch (e) {
    if (!(e instanceof DuplicateItem)) throw e;
    hit = true;
  }
  const ready = loop!.choiceLog.filter((c) => c.kind === "ready").length;
  return { hit, ready, all: loop!.tape.length };
}

/**
 * explore.ts's rule for PCT's k (keep in sync): one calibration run under
 * RandomPolicy(`${seed}/calibrate`), k = max(50, 2 x its tape length). The
 * tape counts every decision, timer ties included, while PctPolicy counts
 * only "ready" decisions as steps.
 */
function exploreK(calibration: { all: number }): number {
  return Math.max(EXPLORE_FIRST_K, 2 * calibration.all);
}

/**
 * What-if: explore's PCT search (same seeds, same calibration run, so the same
 * priorities), except that k is `factor` x the calibration run's "ready"
 * decisions, the ones PctPolicy counts as steps. Not what explore does.
 */
async function searchPctReadyK(
  seeds: number,
  calibrations: { ready: number }[],
  factor: number,
): Promise<SearchStats> {
  const t0 = process.hrtime.bigint();
  const runs: number[] = [];
  const models: number[] = [];
  let found = 0;
  for (let s = 0; s < seeds; s++) {
    const k = Math.max(EXPLORE_FIRST_K, Math.round(factor * calibrations[s]!.ready));
    models.push(expectedRuns(pctHitProbability(k), CAP));
    let n = 0;
    let hit = false;
    while (n < CAP && !hit) {
      hit = (await runPagination(new PctPolicy(`${s}/${n}`, 2, k))).hit;
      n++;
    }
    if (hit) found++;
    runs.push(hit ? n : CAP);
  }
  const label = `pct, k = ${factor === 1 ? "" : `${factor} x `}ready decisions (what-if)`;
  return stats(label, runs, found, mean(models), Number(process.hrtime.bigint() - t0) / 1e9);
}

function mean(xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}

interface PctResult {
  program: Record<string, number>;
  /** decisions per calibration run: all of them, the "ready" ones PctPolicy counts, and explore's k */
  decisions: { all: number; ready: number; kExplore: number };
  searches: SearchStats[];
  dfs: { found: boolean; runs: number; tape?: string; seconds: number };
  checks: { cpythonOrderPasses: boolean; pctDepth1Runs: number; pctDepth1Found: boolean };
  ratio: number;
  target: string;
  met: boolean;
}

async function pctVsRandom(seeds: number): Promise<PctResult> {
  // Checks: CPython's order passes; PCT with no change point (depth 1) never finds it.
  let cpythonOrderPasses = true;
  await replay(paginationProgram, "").catch(() => (cpythonOrderPasses = false));
  const d1Runs = 500;
  const d1 = await explore(paginationProgram, { strategy: "pct", depth: 1, runs: d1Runs, shrink: false });

  // Each seed's calibration run, as explore does it: PCT's k comes from it.
  const calibrations: { all: number; ready: number }[] = [];
  for (let s = 0; s < seeds; s++) calibrations.push(await runPagination(new RandomPolicy(`${s}/calibrate`)));
  const all = mean(calibrations.map((c) => c.all));
  const ready = mean(calibrations.map((c) => c.ready));
  const kExplore = mean(calibrations.map(exploreK));

  const pctModel = mean(calibrations.map((c) => expectedRuns(pctHitProbability(exploreK(c)), CAP)));
  const pct = await searchWithExplore("pct", seeds, pctModel);
  const random = await searchWithExplore("random", seeds, expectedRuns(randomHitProbability(), CAP));
  const whatIf2 = await searchPctReadyK(seeds, calibrations, 2);
  const whatIf1 = await searchPctReadyK(seeds, calibrations, 1);

  const t0 = process.hrtime.bigint();
  const dfs = await explore(paginationProgram, { strategy: "dfs", runs: CAP, shrink: false });
  const dfsSeconds = Number(process.hrtime.bigint() - t0) / 1e9;

  const ratio = random.average / pct.average;
  return {
    program: { pageSize: PAGE_SIZE, pages: PAGES, k: K, noiseTasks: NOISE_TASKS, cap: CAP },
    decisions: { all, ready, kExplore },
    searches: [pct, random, whatIf2, whatIf1],
    dfs: { found: dfs.failed, runs: dfs.runs, tape: dfs.tape, seconds: dfsSeconds },
    checks: { cpythonOrderPasses, pctDepth1Runs: d1.runs, pctDepth1Found: d1.failed },
    ratio,
    target: `random / pct >= ${PCT_TARGET}x`,
    met: ratio >= PCT_TARGET,
  };
}

// --- printing ------------------------------------------------------------------------------

function fmtRate(v: number): string {
  if (v >= 1e6) return `${(v / 1e6).toFixed(2)}M/s`;
  if (v >= 1e3) return `${(v / 1e3).toFixed(1)}k/s`;
  return `${v.toFixed(0)}/s`;
}

function fmtRatio(r: number): string {
  return r >= 10 ? `${r.toFixed(1)}x` : `${r.toFixed(2)}x`;
}

function table(head: string[], body: string[][], right: Set<number>): string {
  const widths = head.map((h, c) => Math.max(h.length, ...body.map((b) => b[c]!.length)));
  const line = (cells: string[]): string =>
    cells.map((s, c) => (right.has(c) ? s.padStart(widths[c]!) : s.padEnd(widths[c]!))).join("  ").trimEnd();
  return [line(head), widths.map((w) => "-".repeat(w)).join("  "), ...body.map(line)].join("\n");
}

function printThroughput(t: ThroughputResult, timedRuns: number): void {
  console.log(
    `explore_throughput: lost-update program (3 tasks x 5 read / await / write, nothing checked), ` +
      `${t.batch} schedules per batch, best of ${timedRuns}`,
  );
  console.log(
    table(
      ["runner", "schedules/s", "us/schedule", "cpu us/schedule", "choices/schedule", "distinct orders"],
      t.sides.map((s) => [
        s.label,
        fmtRate(s.schedulesPerSecond),
        s.microsPerSchedule.toFixed(1),
        s.cpuMicrosPerSchedule.toFixed(1),
        s.choicesPerSchedule.toFixed(1),
        `${s.distinct}/${t.batch}`,
      ]),
      new Set([1, 2, 3, 4, 5]),
    ),
  );
  console.log("");
  console.log(
    table(
      ["vloop / fast-check", ...FC_DRIVERS.map((d) => `vs ${d}`), "target", "met vs"],
      ["generator", "async"].map((style) => {
        const rs = FC_DRIVERS.map((d) => t.ratios.find((r) => r.style === style && r.versus === d)!);
        const met = rs.filter((r) => r.met).map((r) => r.versus);
        return [style, ...rs.map((r) => fmtRatio(r.ratio)), rs[0]!.target, met.length === rs.length ? "all" : met.length === 0 ? "none" : met.join(", ")];
      }),
      new Set([1, 2, 3]),
    ),
  );
  const warm = t.sides.map((s) => `${s.id} ${s.warmups.length}`).join(", ");
  console.log(
    `ratios from wall time. cpu us/schedule: best CPU time (user + system, all of this process's threads). ` +
      `choices/schedule: decisions with >= 2 alternatives per run (untimed pass). distinct orders: ` +
      `distinct write orders in one timed batch. Warm-up batches: ${warm}.`,
  );
}

function printPct(p: PctResult): void {
  const [pct, random] = p.searches;
  console.log(
    `pct_vs_random: paginated reader vs one insert, through a client that allows 1 request per tick ` +
      `(insert at the end of page ${K} of ${PAGES + 1}; ${NOISE_TASKS} noise tasks); ` +
      `${pct!.seeds} seeds each, each search capped at ${CAP} runs (a miss counts as ${CAP})`,
  );
  console.log(
    table(
      ["strategy", "avg runs to find", "median", "found", "model", "time"],
      p.searches.map((s) => [
        s.strategy,
        s.average.toFixed(1),
        String(s.median),
        `${s.found}/${s.seeds}`,
        s.model === null ? "-" : s.model.toFixed(1),
        `${s.seconds.toFixed(1)} s`,
      ]),
      new Set([1, 2, 3, 4, 5]),
    ),
  );
  console.log("");
  console.log(
    table(
      ["", "random / pct", "target", "met"],
      [["avg runs to find", fmtRatio(p.ratio), p.target, p.met ? "yes" : "NO"]],
      new Set([1]),
    ),
  );
  console.log(
    `decisions per run: ${p.decisions.all.toFixed(0)}, of which ${p.decisions.ready.toFixed(0)} "ready" ` +
      `(the rest are timer ties). explore's PCT counts only "ready" decisions as steps and draws its change ` +
      `point from k = 1.25 x a calibration run's "ready" decisions. The what-if rows use the same seeds and ` +
      `priorities with other choices of k, for comparison.`,
  );
  console.log(
    `model: random 1 / (2^-${K} (1 - 2^-${PAGES + 1 - K})), pct 2k / ${PAGES + 1 - K} per seed, both capped ` +
      `at ${CAP}. dfs (fewest deviations from CPython's order first, deterministic): ` +
      `${p.dfs.found ? `found after ${p.dfs.runs} runs (tape "${p.dfs.tape}")` : `not found in ${p.dfs.runs} runs`}.`,
  );
  console.log(
    `checks: CPython's order ${p.checks.cpythonOrderPasses ? "passes" : "FAILS"}; pct with depth 1 ` +
      `(no change point) ${p.checks.pctDepth1Found ? "FOUND it (so the bug is not depth 2)" : `finds nothing in ${p.checks.pctDepth1Runs} runs`}.`,
  );
}

// --- main ----------------------------------------------------------------------------------------

async function main(argv: string[]): Promise<number> {
  const opt = (name: string): string | undefined => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const timedRuns = Math.max(1, Number(opt("--runs") ?? 3));
  const seeds = Math.max(1, Number(opt("--seeds") ?? 100));
  const only = opt("--only")?.split(",");
  const selected: BenchName[] = EXPLORE_BENCHES.filter(
    (b) => !only || only.includes(b) || only.includes("explore"),
  );
  if (selected.length === 0) throw new Error(`--only: expected explore, ${EXPLORE_BENCHES.join(" or ")}`);

  const started = process.hrtime.bigint();
  const report: Record<string, unknown> = {
    date: new Date().toISOString(),
    node: process.version,
    fastCheck: fc.__version,
    cpu: cpus()[0]?.model ?? "unknown",
    cpus: cpus().length,
  };
  let missed = false;
  let failedCheck = false;
  if (selected.includes("explore_throughput")) {
    process.stderr.write("bench: explore_throughput ...\n");
    const t = await exploreThroughput(timedRuns);
    report.exploreThroughput = t;
    missed ||= t.ratios.some((r) => !r.met);
    printThroughput(t, timedRuns);
  }
  if (selected.includes("explore_loaders")) {
    process.stderr.write("bench: explore_loaders ...\n");
    const outcomes = exploreLoaders(timedRuns);
    report.exploreLoaders = outcomes;
    if (selected.includes("explore_throughput")) console.log("");
    printLoaders(outcomes, timedRuns);
    if (outcomes.some((o) => o.error)) failedCheck = true;
  }
  if (selected.includes("pct_vs_random")) {
    process.stderr.write("bench: pct_vs_random ...\n");
    const p = await pctVsRandom(seeds);
    report.pctVsRandom = p;
    missed ||= !p.met;
    if (selected.includes("explore_throughput") || selected.includes("explore_loaders")) console.log("");
    printPct(p);
    if (!p.checks.cpythonOrderPasses || p.checks.pctDepth1Found) {
      console.log("check failed: the pagination program is not the depth-2 heisenbug it should be");
      return 1;
    }
  }
  if (selected.includes("explore_lost_reply")) {
    process.stderr.write("bench: explore_lost_reply ...\n");
    const r = await exploreLostReply(timedRuns);
    report.exploreLostReply = r;
    missed ||= r.styles.some((s) => !s.met);
    if (selected.length > 1) console.log("");
    printLostReply(r, timedRuns);
    if (r.found === null) failedCheck = true;
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  report.seconds = seconds;
  const out = join(ROOT, "bench", "results");
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, "explore.json"), JSON.stringify(report, null, 2) + "\n");
  console.log(`\n${seconds.toFixed(1)} s in all; wrote bench/results/explore.json`);
  return failedCheck || (argv.includes("--strict") && missed) ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
  },
);
