/**
 * `npm run bench`: vloop against CPython 3.12, side by side, in one run.
 *
 *   npm run bench [-- --only sleep_storm,fan_out,fan_out_seed,ping_pong,lock_contention,echo,memory] [--runs N]
 *                    [--cold-runs N] [--cold-loader compiled|tsx] [--no-cold] [--no-python] [--strict]
 *
 * Every measurement runs in its own child process, one after another (never two
 * at once, so they do not compete for cores):
 *   vloop throughput  node --expose-gc --import tsx bench/throughput.ts W STYLE
 *   vloop memory      node --expose-gc --import tsx bench/memory.ts STYLE
 *   CPython           python3 bench/cpython/W.py   (PYENV_VERSION=3.12.1)
 *   vloop cold        node bench/results/compiled/throughput.mjs W STYLE --cold
 *                     (an esbuild bundle of bench/throughput.ts made at the start; see coldBundle)
 * Both sides run on a virtual clock, so sleeps cost no wall time and the numbers
 * measure the event loop itself. Throughput is the best of N runs (default 3;
 * vloop first does untimed warm-up runs until the time stops improving by more
 * than 5%, at most 5; CPython has no JIT and is not warmed up); memory is one
 * run per process.
 *
 * Prints a table and writes every number to bench/results/latest.json.
 * Exit status: 1 if any measurement failed or a workload's own check failed (or,
 * with --strict, if a target was missed); otherwise 0.
 */
import { spawnSync } from "node:child_process";
import { buildSync } from "esbuild";
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const CHILD_TIMEOUT_MS = 180_000;

type Style = "generator" | "async";
type Kind = "throughput" | "memory";

interface Target {
  /** throughput: vloop/CPython ratio at least this; memory: bytes per task at most this. */
  value: number;
  text: string;
}

interface Plan {
  workload: string;
  kind: Kind;
  targets: Record<Style, Target>;
  /** compare events per CPU second on both sides (cpuEventsPerSecond), not per wall second */
  byCpu?: boolean;
}

const PLANS: Plan[] = [
  {
    workload: "sleep_storm",
    kind: "throughput",
    targets: { generator: { value: 20, text: ">= 20x" }, async: { value: 5, text: ">= 5x" } },
  },
  {
    workload: "fan_out",
    kind: "throughput",
    targets: { generator: { value: 20, text: ">= 20x" }, async: { value: 5, text: ">= 5x" } },
  },
  {
    workload: "fan_out_seed",
    kind: "throughput",
    targets: { generator: { value: 20, text: ">= 20x" }, async: { value: 5, text: ">= 5x" } },
  },
  {
    workload: "ping_pong",
    kind: "throughput",
    targets: { generator: { value: 20, text: ">= 20x" }, async: { value: 5, text: ">= 5x" } },
  },
  {
    workload: "lock_contention",
    kind: "throughput",
    targets: { generator: { value: 20, text: ">= 20x" }, async: { value: 5, text: ">= 5x" } },
  },
  {
    // issue #11 item 10; CPython over real loopback sockets; both sides by CPU time (bench/README.md, "echo")
    workload: "echo",
    kind: "throughput",
    byCpu: true,
    targets: { generator: { value: 10, text: ">= 10x" }, async: { value: 3, text: ">= 3x" } },
  },
  {
    workload: "memory",
    kind: "memory",
    targets: { generator: { value: 500, text: "<= 500 B" }, async: { value: 500, text: "<= 500 B" } },
  },
];
const STYLES: Style[] = ["generator", "async"];

interface Row {
  workload: string;
  style: Style;
  kind: Kind;
  unit: "events/s" | "bytes/task";
  vloop: number | null;
  cpython: number | null;
  /** vloop / CPython (higher is better for throughput, lower for memory). */
  ratio: number | null;
  target: string;
  /** Whether vloop meets the target; null when it could not be judged. */
  met: boolean | null;
  vloopDetail?: unknown;
  cpythonDetail?: unknown;
  /** The vloop measurement failed. */
  error?: string;
  /** The CPython measurement failed (CPython being absent is not a failure). */
  cpythonError?: string;
}

// --- child processes ----------------------------------------------------------

type ChildResult = { ok: true; json: Record<string, unknown> } | { ok: false; error: string };

function runChild(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): ChildResult {
  const r = spawnSync(cmd, args, { cwd: ROOT, env, encoding: "utf8", timeout: CHILD_TIMEOUT_MS });
  const shown = `${cmd} ${args.join(" ")}`;
  if (r.error) return { ok: false, error: `${shown}: ${r.error.message}` };
  if (r.status !== 0) {
    const why = r.signal ? `killed by ${r.signal}` : `exit ${r.status}`;
    const tail = (r.stderr || r.stdout || "").trim().split("\n").slice(-6).join("\n    ");
    return { ok: false, error: `${shown}: ${why}\n    ${tail}` };
  }
  const last = r.stdout.trim().split("\n").pop() ?? "";
  try {
    return { ok: true, json: JSON.parse(last) as Record<string, unknown> };
  } catch {
    return { ok: false, error: `${shown}: no JSON on stdout (got ${JSON.stringify(last.slice(0, 200))})` };
  }
}

function runNode(script: string, args: string[]): ChildResult {
  return runChild(process.execPath, ["--expose-gc", "--import", "tsx", script, ...args]);
}

interface Python {
  cmd: string;
  env: NodeJS.ProcessEnv;
  version: string;
}

/** CPython 3.12 through pyenv (PYENV_VERSION=3.12.1 python3), else python3.12, else none. */
function findPython(): Python | undefined {
  const candidates: [string, NodeJS.ProcessEnv][] = [
    ["python3", { ...process.env, PYENV_VERSION: process.env.PYENV_VERSION ?? "3.12.1" }],
    ["python3.12", process.env],
  ];
  for (const [cmd, env] of candidates) {
    const r = spawnSync(cmd, ["-c", "import sys; print(sys.version.split()[0])"], { env, encoding: "utf8" });
    const version = r.status === 0 ? r.stdout.trim() : "";
    if (version.startsWith("3.12.")) return { cmd, env, version };
  }
  return undefined;
}

// --- cold runs -------------------------------------------------------------------

/** Cold targets: generator style's first run in a fresh process >= 10x CPython's (async: no target). */
const COLD_TARGETS: Record<Style, Target | null> = { generator: { value: 10, text: ">= 10x" }, async: null };

type ColdLoader = "compiled" | "tsx";

interface ColdRow {
  workload: string;
  style: Style;
  loader: ColdLoader;
  events: number;
  /** one fresh process each: wall and CPU seconds of its one run */
  runs: { seconds: number; cpuSeconds: number }[];
  /** events/s from the fastest run (wall) and the least CPU */
  vloop: number | null;
  vloopCpu: number | null;
  /** the warm figure of the main table, for comparison */
  vloopWarm: number | null;
  /** CPython's first run in its fresh process (wall, CPU), and its warm best */
  cpython: number | null;
  cpythonCpu: number | null;
  cpythonWarm: number | null;
  /** vloop / CPython, cold, from CPU time and from wall time */
  ratioCpu: number | null;
  ratioWall: number | null;
  target: string;
  /** target met by the wall-time ratio (what a user waits for) and by the CPU-time ratio */
  met: boolean | null;
  metCpu: boolean | null;
  error?: string;
}

/**
 * The compiled form of bench/throughput.ts for cold runs: one esbuild bundle of it
 * and vloop's sources, with build.mjs's settings (ESM, es2022, not minified, no
 * keepNames), so a cold run pays neither tsx's start-up nor its keep-names
 * transform, as a user of the published package (dist/, built the same way) does not.
 * Bundled afresh from src/ each time, so it never measures a stale dist/.
 */
function coldBundle(): string {
  const out = join(ROOT, "bench", "results", "compiled", "throughput.mjs");
  buildSync({
    entryPoints: [join(ROOT, "bench", "throughput.ts")],
    outfile: out,
    bundle: true,
    format: "esm",
    platform: "node",
    target: "es2022",
    packages: "external",
    logLevel: "warning",
  });
  return out;
}

function measureCold(
  plan: Plan,
  warmRows: Row[],
  coldRuns: number,
  loader: ColdLoader,
  bundle: string | undefined,
  notes: string[],
): ColdRow[] {
  const rows: ColdRow[] = [];
  for (const style of STYLES) {
    const warm = warmRows.find((r) => r.style === style);
    const py = warm?.cpythonDetail as { firstSeconds?: number; firstCpuSeconds?: number; events?: number } | undefined;
    const cpython = py?.firstSeconds && py.events ? py.events / py.firstSeconds : null;
    const cpythonCpu = py?.firstCpuSeconds && py.events ? py.events / py.firstCpuSeconds : null;
    const target = COLD_TARGETS[style];
    const row: ColdRow = {
      workload: plan.workload,
      style,
      loader,
      events: 0,
      runs: [],
      vloop: null,
      vloopCpu: null,
      vloopWarm: warm?.vloop ?? null,
      cpython,
      cpythonCpu,
      cpythonWarm: warm?.cpython ?? null,
      ratioCpu: null,
      ratioWall: null,
      target: target?.text ?? "-",
      met: null,
      metCpu: null,
    };
    for (let i = 0; i < coldRuns; i++) {
      const args = [plan.workload, style, "--cold"];
      const child =
        loader === "compiled"
          ? runChild(process.execPath, ["--expose-gc", bundle!, ...args])
          : runNode(join("bench", "throughput.ts"), args);
      if (!child.ok) {
        row.error = child.error;
        notes.push(`vloop ${plan.workload} ${style} cold failed: ${child.error}`);
        break;
      }
      row.events = num(child.json, "events");
      row.runs.push({ seconds: num(child.json, "seconds"), cpuSeconds: num(child.json, "cpuSeconds") });
    }
    if (!row.error && row.runs.length > 0) {
      row.vloop = row.events / Math.min(...row.runs.map((r) => r.seconds));
      row.vloopCpu = row.events / Math.min(...row.runs.map((r) => r.cpuSeconds));
      if (cpythonCpu !== null) row.ratioCpu = row.vloopCpu / cpythonCpu;
      if (cpython !== null) row.ratioWall = row.vloop / cpython;
      if (target && row.ratioWall !== null) row.met = row.ratioWall >= target.value;
      if (target && row.ratioCpu !== null) row.metCpu = row.ratioCpu >= target.value;
    }
    rows.push(row);
  }
  return rows;
}

// --- measuring ------------------------------------------------------------------

function num(json: Record<string, unknown>, key: string): number {
  const v = json[key];
  if (typeof v !== "number" || !Number.isFinite(v)) throw new Error(`child JSON has no number ${key}`);
  return v;
}

function measure(plan: Plan, runs: number, python: Python | undefined, notes: string[]): Row[] {
  const rows: Row[] = [];
  const valueKey = plan.kind === "throughput" ? (plan.byCpu === true ? "cpuEventsPerSecond" : "eventsPerSecond") : "bytesPerTask";
  let py: ChildResult | undefined;
  if (python) {
    const args = [join("bench", "cpython", `${plan.workload}.py`)];
    if (plan.kind === "throughput") args.push("--runs", String(runs));
    py = runChild(python.cmd, args, python.env);
    if (!py.ok) notes.push(`CPython ${plan.workload} failed: ${py.error}`);
  }
  const cpython = py?.ok ? num(py.json, valueKey) : null;
  for (const style of STYLES) {
    const target = plan.targets[style];
    const child =
      plan.kind === "throughput"
        ? runNode(join("bench", "throughput.ts"), [plan.workload, style, "--runs", String(runs)])
        : runNode(join("bench", "memory.ts"), [style]);
    const row: Row = {
      workload: plan.workload,
      style,
      kind: plan.kind,
      unit: plan.kind === "throughput" ? "events/s" : "bytes/task",
      vloop: null,
      cpython,
      ratio: null,
      target: target.text,
      met: null,
      cpythonDetail: py?.ok ? py.json : undefined,
    };
    if (py && !py.ok) row.cpythonError = py.error;
    if (!child.ok) {
      row.error = child.error;
      notes.push(`vloop ${plan.workload} ${style} failed: ${child.error}`);
      rows.push(row);
      continue;
    }
    row.vloopDetail = child.json;
    row.vloop = num(child.json, valueKey);
    if (plan.byCpu === true) {
      const wall = (j: Record<string, unknown> | undefined) => (j === undefined ? "-" : fmtValue(num(j, "eventsPerSecond"), "events/s"));
      notes.push(
        `${plan.workload} ${style}: events per CPU second on both sides (user + system); by wall time vloop ${wall(child.json)}, CPython ${wall(py?.ok ? py.json : undefined)}`,
      );
    }
    if (cpython !== null) row.ratio = row.vloop / cpython;
    if (plan.kind === "throughput") {
      row.met = row.ratio === null ? null : row.ratio >= target.value;
      const vEnd = (child.json.facts as { endTime?: number } | undefined)?.endTime;
      const pEnd = py?.ok ? (py.json.facts as { endTime?: number } | undefined)?.endTime : undefined;
      if (pEnd !== undefined && vEnd !== pEnd) {
        notes.push(
          `${plan.workload} ${style}: vloop ended at virtual time ${String(vEnd)}, CPython at ${pEnd}` +
            " (the runs did not follow the same timeline)",
        );
      }
    } else {
      row.met = row.vloop <= target.value;
    }
    rows.push(row);
  }
  return rows;
}

// --- printing ---------------------------------------------------------------------

function fmtValue(v: number | null, unit: Row["unit"]): string {
  if (v === null) return "-";
  if (unit === "bytes/task") return `${v.toFixed(0)} B/task`;
  if (v >= 1e6) return `${(v / 1e6).toFixed(2)}M ev/s`;
  if (v >= 1e3) return `${(v / 1e3).toFixed(1)}k ev/s`;
  return `${v.toFixed(0)} ev/s`;
}

function fmtRatio(r: number | null): string {
  if (r === null) return "n/a";
  return r >= 10 ? `${r.toFixed(1)}x` : `${r.toFixed(2)}x`;
}

function table(rows: Row[], pythonLabel: string): string {
  const head = ["workload", "style", "vloop", pythonLabel, "ratio", "target", "met"];
  const body = rows.map((r) => [
    r.workload,
    r.style,
    r.error ? "FAILED" : fmtValue(r.vloop, r.unit),
    r.cpythonError ? "FAILED" : fmtValue(r.cpython, r.unit),
    fmtRatio(r.ratio),
    r.target,
    r.met === null ? "?" : r.met ? "yes" : "NO",
  ]);
  const widths = head.map((h, c) => Math.max(h.length, ...body.map((b) => b[c]!.length)));
  const right = new Set([2, 3, 4]);
  const line = (cells: string[]): string =>
    cells.map((s, c) => (right.has(c) ? s.padStart(widths[c]!) : s.padEnd(widths[c]!))).join("  ").trimEnd();
  return [line(head), widths.map((w) => "-".repeat(w)).join("  "), ...body.map(line)].join("\n");
}

function fmtRange(row: ColdRow): string {
  if (row.runs.length === 0) return "-";
  const rates = row.runs.map((r) => row.events / r.seconds);
  const lo = Math.min(...rates);
  const hi = Math.max(...rates);
  const k = (v: number): string => (v >= 1e6 ? `${(v / 1e6).toFixed(2)}M` : `${(v / 1e3).toFixed(0)}k`);
  return `${k(lo)}-${k(hi)}`;
}

function coldTable(rows: ColdRow[], pythonLabel: string): string {
  const head = [
    "workload",
    "style",
    "vloop cold",
    "(range)",
    "cold cpu",
    "vloop warm",
    `${pythonLabel} cold`,
    "cold cpu",
    "warm",
    "cold ratio",
    "cpu",
    "target",
    "met wall, cpu",
  ];
  const body = rows.map((r) => [
    r.workload,
    r.style,
    r.error ? "FAILED" : fmtValue(r.vloop, "events/s"),
    fmtRange(r),
    fmtValue(r.vloopCpu, "events/s"),
    fmtValue(r.vloopWarm, "events/s"),
    fmtValue(r.cpython, "events/s"),
    fmtValue(r.cpythonCpu, "events/s"),
    fmtValue(r.cpythonWarm, "events/s"),
    fmtRatio(r.ratioWall),
    fmtRatio(r.ratioCpu),
    r.target,
    r.target === "-" ? "" : [r.met, r.metCpu].map((m) => (m === null ? "?" : m ? "yes" : "NO")).join(", "),
  ]);
  const widths = head.map((h, c) => Math.max(h.length, ...body.map((b) => b[c]!.length)));
  const right = new Set([2, 3, 4, 5, 6, 7, 8, 9, 10]);
  const line = (cells: string[]): string =>
    cells.map((s, c) => (right.has(c) ? s.padStart(widths[c]!) : s.padEnd(widths[c]!))).join("  ").trimEnd();
  return [line(head), widths.map((w) => "-".repeat(w)).join("  "), ...body.map(line)].join("\n");
}

// --- main -------------------------------------------------------------------------------

function main(argv: string[]): number {
  const opt = (name: string): string | undefined => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const runs = Math.max(1, Number(opt("--runs") ?? 3));
  const only = opt("--only")?.split(",");
  const plans = only ? PLANS.filter((p) => only.includes(p.workload)) : PLANS;
  if (plans.length === 0) throw new Error(`--only: no workload named ${only!.join(",")}`);

  const notes: string[] = [];
  const skipPython = argv.includes("--no-python");
  const python = skipPython ? undefined : findPython();
  if (skipPython) notes.push("CPython skipped (--no-python): vloop numbers only, ratios unavailable");
  else if (!python) {
    notes.push(
      "CPython 3.12 not available (tried PYENV_VERSION=3.12.1 python3 and python3.12): " +
        "vloop numbers only, ratios unavailable",
    );
  }
  const coldRuns = argv.includes("--no-cold") ? 0 : Math.max(1, Number(opt("--cold-runs") ?? 3));
  const coldLoader: ColdLoader = opt("--cold-loader") === "tsx" ? "tsx" : "compiled";
  const started = process.hrtime.bigint();
  const loadAtStart = loadavg();
  const bundle = coldRuns > 0 && coldLoader === "compiled" ? coldBundle() : undefined;
  const rows: Row[] = [];
  const coldRows: ColdRow[] = [];
  for (const plan of plans) {
    process.stderr.write(`bench: ${plan.workload} ...\n`);
    const planRows = measure(plan, runs, python, notes);
    rows.push(...planRows);
    if (plan.kind === "throughput" && coldRuns > 0) {
      coldRows.push(...measureCold(plan, planRows, coldRuns, coldLoader, bundle, notes));
    }
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;

  const pythonLabel = python ? `CPython ${python.version}` : "CPython";
  console.log(table(rows, pythonLabel));
  console.log(
    `\nthroughput: best of ${runs}; vloop after warm-up runs until a run is no more than 5% faster than ` +
      `the one before (at most 5), CPython without warm-up (no JIT); ratio = vloop / CPython; ` +
      `memory: one run per process, ratio = vloop bytes / CPython bytes. ${seconds.toFixed(1)} s in all.`,
  );
  const warmed = rows
    .map((r) => [r, (r.vloopDetail as { warmups?: number[] } | undefined)?.warmups] as const)
    .filter(([, w]) => w !== undefined)
    .map(([r, w]) => `${r.workload} ${r.style} ${w!.length}`);
  if (warmed.length > 0) console.log(`vloop warm-up runs: ${warmed.join(", ")}.`);
  if (coldRows.length > 0) {
    console.log(`\ncold runs: the first run of a fresh process, before any warm-up`);
    console.log(coldTable(coldRows, "CPython"));
    console.log(
      `vloop cold: ${coldRuns} fresh processes per row (${coldLoader === "compiled" ? "node on an esbuild bundle of bench/throughput.ts and src/, build.mjs's settings, no keepNames" : "node --import tsx, keep-names transform"}); ` +
        `events/s from the best wall time (range over the processes) and the best CPU time (user + system, all threads). ` +
        `CPython cold: the first run of its fresh process (the warm table's process). ` +
        `CPU time counts every thread (V8's background compiler and GC threads too, so vloop's cold CPU time can exceed its wall ` +
        `time; CPython's is one thread), wall time counts the other processes on the machine; the target is judged on both. ` +
        `Load average at the start: ${loadAtStart.map((l) => l.toFixed(1)).join(" ")}.`,
    );
  }
  for (const n of notes) console.log(`note: ${n}`);

  const out = join(ROOT, "bench", "results");
  mkdirSync(out, { recursive: true });
  const report = {
    date: new Date().toISOString(),
    node: process.version,
    python: python?.version ?? null,
    cpu: cpus()[0]?.model ?? "unknown",
    cpus: cpus().length,
    runs,
    seconds,
    loadAverageAtStart: loadAtStart,
    rows,
    coldRuns,
    coldLoader,
    coldRows,
    notes,
  };
  writeFileSync(join(out, "latest.json"), JSON.stringify(report, null, 2) + "\n");
  console.log(`wrote bench/results/latest.json`);

  const failed = rows.some((r) => r.error !== undefined || r.cpythonError !== undefined) || coldRows.some((r) => r.error !== undefined);
  const missed = rows.some((r) => r.met === false) || coldRows.some((r) => r.met === false || r.metCpu === false);
  return failed || (argv.includes("--strict") && missed) ? 1 : 0;
}

// --- exploration benchmarks (bench/explore.ts, their own table; see bench/explore_hook.ts) ---
// `--only explore` (or explore_throughput, pct_vs_random) selects them; other --only names go to main().
const { splitArgs, runExploreBench } = await import("./explore_hook.js");
const parts = splitArgs(process.argv.slice(2));
const loopStatus = parts.loop ? main(parts.loop) : 0;
process.exitCode = Math.max(loopStatus, parts.explore ? runExploreBench(parts.explore, parts.loop !== null) : 0);
