// Records the golden output of every scenario: runs each `scenarios/**/*.py`
// under CPython 3.12 with scenarios/recorder/vclock_recorder.py (the loop
// programs of scenarios/loops/, which drive their own loops, with
// recorder/loops_recorder.py) and writes the sibling `.out` file. The network
// programs of scenarios/net/ use vclock_recorder.py too (it lets the loopback
// sockets settle before each select), and so do the subprocess programs of
// scenarios/process/ (it lets the child processes settle too); check them with
// recorder/stability.py. Tests never run Python; they compare against the `.out`
// files checked in by this script.
//
// Usage:  npx tsx scenarios/record.ts [filter]
//   filter: a substring of the scenario's path (`cancel`, `core/0`), or a glob
//   where `*` matches within one path segment and `**` across them
//   (`core/1*`, `**/gather_*`). Without a filter, every scenario is recorded.
// Python:  `python3` with PYENV_VERSION=3.12.1 (override with VLOOP_PYTHON).
//          The programs of scenarios/py313/ use what Python 3.13 added to the
//          3.12 API (Queue.shutdown, readuntil with several separators) and nothing
//          whose behaviour 3.13 changed:
//          they are recorded with PYENV_VERSION=3.13.0 (override with
//          VLOOP_PYTHON_313 and PYENV_VERSION_313).

import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const scenariosDir = dirname(fileURLToPath(import.meta.url));
const repoRoot = dirname(scenariosDir);
const recorder = join(scenariosDir, "recorder", "vclock_recorder.py");
const loopsRecorder = join(scenariosDir, "recorder", "loops_recorder.py");
interface Python {
  cmd: string;
  env: NodeJS.ProcessEnv;
  wanted: string;
}
const py312: Python = {
  cmd: process.env.VLOOP_PYTHON ?? "python3",
  env: { ...process.env, PYENV_VERSION: process.env.PYENV_VERSION ?? "3.12.1" },
  wanted: "3.12",
};
const py313: Python = {
  cmd: process.env.VLOOP_PYTHON_313 ?? "python3",
  env: { ...process.env, PYENV_VERSION: process.env.PYENV_VERSION_313 ?? "3.13.0" },
  wanted: "3.13",
};
/** The CPython a program is recorded with: 3.13 for scenarios/py313/, 3.12 for the rest. */
function pythonFor(program: string): Python {
  return relative(scenariosDir, program).startsWith("py313/") ? py313 : py312;
}

/** Every scenario program under `dir`, sorted, skipping the recorder itself. */
function findPrograms(dir: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (path !== join(scenariosDir, "recorder") && entry.name !== "__pycache__") {
        found.push(...findPrograms(path));
      }
    } else if (entry.name.endsWith(".py")) {
      found.push(path);
    }
  }
  return found.sort();
}

/** A predicate on paths relative to scenarios/, from the command-line filter. */
function makeFilter(pattern: string | undefined): (rel: string) => boolean {
  if (pattern === undefined) return () => true;
  if (!/[*?]/.test(pattern)) return (rel) => rel.includes(pattern);
  const source = pattern
    .split(/(\*\*|\*|\?)/)
    .map((part) =>
      part === "**" ? ".*" : part === "*" ? "[^/]*" : part === "?" ? "[^/]"
        : part.replace(/[.+^${}()|[\]\\]/g, "\\$&"),
    )
    .join("");
  const re = new RegExp(`(^|/)${source}$`);
  return (rel) => re.test(rel) || re.test(rel.replace(/\.py$/, ""));
}

function checkPython({ cmd, env, wanted }: Python): void {
  const probe = spawnSync(cmd, ["-c", "import sys; print('%d.%d.%d' % sys.version_info[:3])"], {
    env,
    encoding: "utf8",
  });
  const version = (probe.stdout ?? "").trim();
  if (probe.status !== 0 || !version.startsWith(wanted + ".")) {
    console.error(
      `record: these golden files come from CPython ${wanted}; ` +
        `\`${cmd}\` (PYENV_VERSION=${env.PYENV_VERSION}) reports ` +
        `${JSON.stringify(version || probe.stderr?.trim() || probe.error?.message)}`,
    );
    process.exit(2);
  }
  console.log(`recording with CPython ${version}`);
}

function record(program: string): string {
  const using = relative(scenariosDir, program).startsWith("loops/") ? loopsRecorder : recorder;
  const { cmd, env } = pythonFor(program);
  const run = spawnSync(cmd, [using, program], {
    cwd: repoRoot,
    env,
    encoding: "utf8",
    timeout: 60_000,
  });
  if (run.status !== 0) {
    throw new Error(
      `${relative(repoRoot, program)}: recorder exited with ${run.status ?? run.signal}\n${run.stderr}`,
    );
  }
  return run.stdout;
}

function main(): void {
  const filter = makeFilter(process.argv[2]);
  const programs = findPrograms(scenariosDir).filter((p) => filter(relative(scenariosDir, p)));
  if (programs.length === 0) {
    console.error(`record: no scenario matches ${JSON.stringify(process.argv[2])}`);
    process.exit(1);
  }
  for (const py of new Set(programs.map(pythonFor))) checkPython(py);
  let changed = 0;
  let failed = 0;
  for (const program of programs) {
    const outPath = program.replace(/\.py$/, ".out");
    const name = relative(repoRoot, outPath);
    let output: string;
    try {
      output = record(program);
    } catch (err) {
      failed++;
      console.error(`FAILED  ${(err as Error).message}`);
      continue;
    }
    const before = existsSync(outPath) ? readFileSync(outPath, "utf8") : undefined;
    if (before === output) continue;
    writeFileSync(outPath, output);
    changed++;
    console.log(`${before === undefined ? "new    " : "changed"} ${name}`);
  }
  console.log(
    `${programs.length} scenario(s) recorded, ${changed} .out file(s) changed` +
      (failed ? `, ${failed} failed` : ""),
  );
  if (failed) process.exit(1);
}

main();
