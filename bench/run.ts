/**
 * `npm run bench`: vloop against CPython 3.12, side by side, in one run.
 *
 *   npm run bench [-- --only sleep_storm,fan_out,ping_pong,lock_contention,memory] [--runs N]
 *                    [--no-python] [--strict]
 *
 * Every measurement runs in its own child process, one after another (never two
 * at once, so they do not compete for cores):
 *   vloop throughput  node --expose-gc --import tsx bench/throughput.ts W STYLE
 *   vloop memory      node --expose-gc --import tsx bench/memory.ts STYLE
 *   CPython           python3 bench/cpython/W.py   (PYENV_VERSION=3.12.1)
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
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
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

// --- measuring ------------------------------------------------------------------

function num(json: Record<string, unknown>, key: string): number {
  const v = json[key];
  if (typeof v !== "number" || !Number.isFinite(v)) throw new Error(`child JSON has no number ${key}`);
  return v;
}

function measure(plan: Plan, runs: number, python: Python | undefined, notes: string[]): Row[] {
  const rows: Row[] = [];
  const valueKey = plan.kind === "throughput" ? "eventsPerSecond" : "bytesPerTask";
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
  const started = process.hrtime.bigint();
  const rows: Row[] = [];
  for (const plan of plans) {
    process.stderr.write(`bench: ${plan.workload} ...\n`);
    rows.push(...measure(plan, runs, python, notes));
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
    rows,
    notes,
  };
  writeFileSync(join(out, "latest.json"), JSON.stringify(report, null, 2) + "\n");
  console.log(`wrote bench/results/latest.json`);

  const failed = rows.some((r) => r.error !== undefined || r.cpythonError !== undefined);
  const missed = rows.some((r) => r.met === false);
  return failed || (argv.includes("--strict") && missed) ? 1 : 0;
}

// --- exploration benchmarks (bench/explore.ts, their own table; see bench/explore_hook.ts) ---
// `--only explore` (or explore_throughput, pct_vs_random) selects them; other --only names go to main().
const { splitArgs, runExploreBench } = await import("./explore_hook.js");
const parts = splitArgs(process.argv.slice(2));
const loopStatus = parts.loop ? main(parts.loop) : 0;
process.exitCode = Math.max(loopStatus, parts.explore ? runExploreBench(parts.explore, parts.loop !== null) : 0);
