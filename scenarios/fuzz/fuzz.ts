/**
 * Differential fuzzing against CPython: random asyncio programs
 * (scenarios/fuzz/program.ts) run under CPython 3.12 on the recorder's
 * virtual clock and under vloop in four ways (generator style under runSync
 * and under run, async style under run, and mixed: generator and async tasks
 * in one program); every line must match.
 *
 *   npm run fuzz -- [--from 0] [--count 500]     # compare; exit 1 on a mismatch
 *   npm run fuzz -- --net --count 500            # the network grammar (scenarios/fuzz/net.ts)
 *   npm run fuzz -- --net --added --count 500    # with the tasks grammar's added statements too
 *   npm run fuzz -- --eager --count 500          # under asyncio's eager_task_factory (generator styles)
 *   npm run fuzz -- --corpus 300 --net-corpus 60 # (re)record scenarios/fuzz/corpus.json
 *   npm run fuzz -- --versus 3.13.0 --count 2000 # where CPython 3.13 prints otherwise than 3.12
 *
 * Network programs run over real loopback sockets on CPython's side, and
 * they must match in the loop iterations too: the oracle gives the iteration
 * of every CPython line (the recorder's `--iterations`), and vloop's lines are
 * taken with the loop's iteration counter (as scenarios/net's .iterations
 * are checked). `--iterations` compares them for every program.
 *
 * A mismatch is shrunk (statements removed while vloop still differs from
 * CPython) and written to scenarios/fuzz/found/seed-N.json with both outputs,
 * so that it can become a regression scenario once fixed
 * (`npm run fuzz -- --keep N` moves a fixed one into the corpus).
 * Python: `python3` with PYENV_VERSION=3.12.1 (override with VLOOP_PYTHON).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { CancelledError, type EventLoop } from "../../src/index.js";
import { runScenario, type Style } from "../../src/scenario/index.js";
import { fmtTime } from "../../src/util/pyformat.js";
import { type Body, type Program, type Stmt, eagerProgram, randomNetProgram, randomProgram, size } from "./program.js";
import { asyncMain, genMain } from "./interpret.js";
import { toPython } from "./toPython.js";

const here = dirname(fileURLToPath(import.meta.url));
const oracle = join(here, "oracle.py");
const foundDir = join(here, "found");
export const corpusPath = join(here, "corpus.json");
const python = process.env.VLOOP_PYTHON ?? "python3";
const pythonEnv = { ...process.env, PYENV_VERSION: process.env.PYENV_VERSION ?? "3.12.1" };

/**
 * How vloop runs a program: generator style under runSync, under run(), async
 * style under run(), and "mixed": an async main whose child tasks are
 * generators or async functions by their names.
 */
export type FuzzStyle = Style | "mixed" | "asyncgen";
export const STYLES: readonly FuzzStyle[] = ["sync", "gen", "async", "mixed"];

/**
 * The styles an eager program (--eager, Program.eager) runs in: those whose
 * tasks are generators. An eager task runs its first step inside createTask,
 * and an async function's body cannot be stepped there (it runs on in
 * microtasks, after createTask returns), so vloop's eagerTaskFactory stops
 * the run with a UsageError for one: not the async style, whose tasks are
 * async functions, nor mixed, half of whose are. "asyncgen" is an async main
 * (and async inline coroutines) whose tasks are all generators, as the async
 * twins of scenarios/core/55-57 are.
 */
export const EAGER_STYLES: readonly FuzzStyle[] = ["sync", "gen", "asyncgen"];

/** The styles a program is compared in. */
export function stylesOf(p: Program): readonly FuzzStyle[] {
  return p.eager === true ? EAGER_STYLES : STYLES;
}

export interface CorpusEntry {
  seed: number;
  /** "net": the seed is randomNetProgram's */
  grammar?: "net";
  program: Program;
  /** CPython 3.12's lines */
  lines: string[];
  /** the loop iteration of each line (network programs: vloop must match them too) */
  iterations?: number[];
}

export interface Corpus {
  recordedWith: string;
  programs: CorpusEntry[];
}

/** What one run printed: its lines and the loop iteration of each. */
export interface Recorded {
  lines: string[];
  iterations: number[];
}

/** Runs the programs under CPython (3.12, or `version` for --versus); what each printed. */
function cpython(programs: Program[], version?: string): Recorded[] {
  const r = spawnSync(python, [oracle], {
    input: JSON.stringify(programs.map(toPython)),
    env: version === undefined ? pythonEnv : { ...pythonEnv, PYENV_VERSION: version },
    encoding: "utf8",
    maxBuffer: 1 << 28,
  });
  if (r.status !== 0) throw new Error(`oracle failed (${python}, PYENV_VERSION=${pythonEnv.PYENV_VERSION}):\n${r.stderr}`);
  return JSON.parse(r.stdout) as Recorded[];
}

function pythonVersion(): string {
  const r = spawnSync(python, ["-c", "import sys; print('%d.%d.%d' % sys.version_info[:3])"], { env: pythonEnv, encoding: "utf8" });
  return (r.stdout ?? "").trim();
}

/**
 * vloop's lines for one program in one style, with the loop iteration of
 * each (an unexpected error becomes a line, so it is compared too).
 */
export async function vloopRun(p: Program, style: FuzzStyle): Promise<Recorded> {
  let loop: EventLoop | null = null;
  const iterations: number[] = [];
  const seen: string[] = [];
  const options = {
    onLoop: (l: EventLoop) => (loop = l),
    onLine: (line: string) => {
      seen.push(line);
      iterations.push(loop?._iteration ?? 0);
    },
  };
  try {
    const lines =
      style === "mixed" || style === "asyncgen"
        ? await runScenario(asyncMain(p, style === "mixed" ? true : "gen"), "async", options)
        : await runScenario(style === "async" ? asyncMain(p) : genMain(p), style, options);
    // the deadlock line is added after the run: the iteration the loop stopped in
    while (iterations.length < lines.length) iterations.push(loop === null ? 0 : (loop as { _iteration: number })._iteration);
    return { lines, iterations };
  } catch (e) {
    // main cancelled as it returned (after its result line; oracle.py's _run says how): the oracle's line
    if (e instanceof CancelledError && loop !== null) {
      const l = loop as EventLoop;
      return { lines: [...seen, `${fmtTime(l.time())} - main cancelled`], iterations: [...iterations, l._iteration] };
    }
    return { lines: [`vloop threw ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`], iterations: [0] };
  }
}

/** vloop's lines for one program in one style. */
export async function vloopLines(p: Program, style: FuzzStyle): Promise<string[]> {
  return (await vloopRun(p, style)).lines;
}

/** --eager: every program under asyncio's eager_task_factory (eagerProgram), in the generator style. */
let eager = false;

/** --added: network programs with the tasks grammar's added statements (randomNetProgram's `added`). */
let addedToNet = false;

/** Whether a program's iterations are compared: network programs (or every program with --iterations). */
let iterationsOfAll = false;
export function comparesIterations(p: Program): boolean {
  return iterationsOfAll || p.server !== undefined;
}

/** The lines with their iterations in front, as the recorder's --iterations prints them. */
export function withIterations(r: Recorded): string[] {
  return r.lines.map((l, i) => `${r.iterations[i]} ${l}`);
}

/** Whether vloop printed what CPython printed (and, where they count, in the same iterations). */
export function sameRun(p: Program, expected: Recorded, actual: Recorded): boolean {
  if (actual.lines.join("\n") !== expected.lines.join("\n")) return false;
  return !comparesIterations(p) || actual.iterations.join(",") === expected.iterations.join(",");
}

/** The first style whose run differs from `expected`, with its run; undefined if all match. */
async function firstMismatch(p: Program, expected: Recorded): Promise<{ style: FuzzStyle; run: Recorded } | undefined> {
  for (const style of stylesOf(p)) {
    const run = await vloopRun(p, style);
    if (!sameRun(p, expected, run)) return { style, run };
  }
  return undefined;
}

// ------------------------------------------------------------------ shrinking

/** Every program with one statement less (anywhere in the tree), biggest cuts first. */
function smaller(p: Program): Program[] {
  const out: Program[] = [];
  const visit = (stmts: Stmt[], rebuild: (s: Stmt[]) => Program): void => {
    for (let i = 0; i < stmts.length; i++) {
      const s = stmts[i]!;
      const without = [...stmts.slice(0, i), ...stmts.slice(i + 1)];
      // dropping a spawn is only valid if nothing else names the child
      const made = s.op === "spawn" ? [s.name] : s.op === "tg" ? s.spawns.map((sp) => sp.name) : s.op === "nconn" ? [s.c] : s.op === "fut" ? [s.f] : s.op === "hnd" ? [s.h] : [];
      const rest = JSON.stringify(without);
      if (made.every((name) => !rest.includes(`"${name}"`))) out.push(rebuild(without));
    }
    for (let i = 0; i < stmts.length; i++) {
      const s = stmts[i]!;
      const put = (replaced: Stmt): Program => rebuild([...stmts.slice(0, i), replaced, ...stmts.slice(i + 1)]);
      if (s.op === "spawn") visit(s.body.stmts, (inner) => put({ ...s, body: { ...s.body, stmts: inner } }));
      else if (s.op === "tg") {
        const rest = JSON.stringify([...stmts.slice(0, i), ...stmts.slice(i + 1), s.after]);
        for (let j = 0; j < s.spawns.length; j++) {
          const sp = s.spawns[j]!;
          if (s.spawns.length > 1 && !rest.includes(`"${sp.name}"`)) out.push(put({ ...s, spawns: s.spawns.filter((_, k) => k !== j) }));
          visit(sp.body.stmts, (inner) => put({ ...s, spawns: s.spawns.map((x, k) => (k === j ? { ...x, body: { ...x.body, stmts: inner } } : x)) }));
        }
        visit(s.after, (inner) => put({ ...s, after: inner }));
      } else if (s.op === "inline" || s.op === "wfcoro") {
        visit(s.body.stmts, (inner) => put({ ...s, body: { ...s.body, stmts: inner } }));
      } else if (s.op === "gcoro") {
        for (let j = 0; j < s.bodies.length; j++) {
          if (s.bodies.length > 1) out.push(put({ ...s, ids: s.ids.filter((_, k) => k !== j), bodies: s.bodies.filter((_, k) => k !== j) }));
          visit(s.bodies[j]!.stmts, (inner) => put({ ...s, bodies: s.bodies.map((b, k) => (k === j ? { ...b, stmts: inner } : b)) }));
        }
      }
      else if (s.op === "tmo") {
        // the scope's statements inlined in its place, then one by one
        out.push(rebuild([...stmts.slice(0, i), ...s.pre, ...s.post, ...stmts.slice(i + 1)]));
        visit(s.pre, (inner) => put({ ...s, pre: inner }));
        visit(s.post, (inner) => put({ ...s, post: inner }));
      } else if (s.op === "timeout" || s.op === "catch" || s.op === "lock" || s.op === "sem" || s.op === "bsem" || s.op === "acq") {
        // the block's body inlined in its place, then its statements one by one
        out.push(rebuild([...stmts.slice(0, i), ...s.body, ...stmts.slice(i + 1)]));
        visit(s.body, (inner) => put({ ...s, body: inner } as Stmt));
      } else if (s.op === "gather" && s.names.length > 1) {
        for (let j = 0; j < s.names.length; j++) out.push(put({ ...s, names: s.names.filter((_, k) => k !== j) }));
      }
    }
  };
  visit(p.main.stmts, (stmts) => ({ ...p, main: { ...p.main, stmts } as Body }));
  // the server's handlers: one fewer, or one statement fewer in one of them
  const server = p.server;
  if (server !== undefined) {
    const hs = server.handlers;
    for (let j = 0; j < hs.length; j++) {
      if (hs.length > 1) out.push({ ...p, server: { ...server, handlers: hs.filter((_, k) => k !== j) } });
      for (let i = 0; i < hs[j]!.length; i++) {
        const h = [...hs[j]!.slice(0, i), ...hs[j]!.slice(i + 1)];
        out.push({ ...p, server: { ...server, handlers: hs.map((x, k) => (k === j ? h : x)) } });
      }
    }
  }
  return out;
}

/**
 * Shrinks a program while a difference persists: each round runs every
 * one-statement-smaller program (`differs` sees them in one batch) and keeps
 * the first that still differs, with what shows the difference.
 */
async function shrinkWhile<W>(
  p: Program,
  shown: W,
  differs: (candidates: Program[]) => Promise<{ index: number; shown: W } | undefined>,
): Promise<{ program: Program; shown: W }> {
  let best = { program: p, shown };
  // every step removes at least one statement, so this ends; the cap is a guard
  for (let step = 0; step < 500; step++) {
    const candidates = smaller(best.program);
    if (candidates.length === 0) break;
    const d = await differs(candidates);
    if (d === undefined) break;
    best = { program: candidates[d.index]!, shown: d.shown };
  }
  return best;
}

interface VloopMismatch {
  expected: Recorded;
  actual: { style: FuzzStyle; run: Recorded };
}

/** Shrinks a program whose vloop output differs from CPython's (`shown`: the difference found). */
function shrink(p: Program, shown: VloopMismatch): Promise<{ program: Program; shown: VloopMismatch }> {
  return shrinkWhile(p, shown, async (candidates) => {
    const outputs = cpython(candidates);
    for (let i = 0; i < candidates.length; i++) {
      const actual = await firstMismatch(candidates[i]!, outputs[i]!);
      if (actual !== undefined) return { index: i, shown: { expected: outputs[i]!, actual } };
    }
    return undefined;
  });
}

// ------------------------------------------------------------------ commands

function diffLine(a: string[], b: string[]): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

/** found/'s file name prefix for a seed (eager-net-seed-N.json, seed-N.json, ...). */
function foundPrefix(net: boolean): string {
  return `${eager ? "eager-" : ""}${net ? "net-seed" : "seed"}`;
}

/** The programs of `count` seeds from `from`, of the network grammar with `net`; CPython runs them in batches. */
async function compare(from: number, count: number, net: boolean): Promise<number> {
  const grammar = net ? "network programs" : "programs";
  const base = net ? (seed: number) => randomNetProgram(seed, { added: addedToNet }) : (seed: number) => randomProgram(seed);
  const make = eager ? (seed: number) => eagerProgram(base(seed), seed) : base;
  const prefix = foundPrefix(net);
  let mismatches = 0;
  // batches keep one oracle process's memory (and open sockets) bounded on long campaigns
  const BATCH = 500;
  for (let start = from; start < from + count; start += BATCH) {
    const seeds = Array.from({ length: Math.min(BATCH, from + count - start) }, (_, i) => start + i);
    const programs = seeds.map((s) => make(s));
    const expected = cpython(programs);
    for (let i = 0; i < seeds.length; i++) {
      const m = await firstMismatch(programs[i]!, expected[i]!);
      if (m === undefined) continue;
      mismatches++;
      if (process.env.FUZZ_DEBUG) console.log(seeds[i], JSON.stringify(expected[i]), JSON.stringify(m));
      const { program, shown } = await shrink(programs[i]!, { expected: expected[i]!, actual: m });
      const small = { program, ...shown };
      const linesDiffer = small.expected.lines.join("\n") !== small.actual.run.lines.join("\n");
      const [a, b] = linesDiffer ? [small.expected.lines, small.actual.run.lines] : [withIterations(small.expected), withIterations(small.actual.run)];
      const at = diffLine(a, b);
      console.log(`${prefix} ${seeds[i]}: ${small.actual.style} differs from CPython${linesDiffer ? "" : " in iterations"} (shrunk to ${size(small.program)} statements), first at line ${at + 1}:`);
      console.log(`  CPython: ${a[at] ?? "(end)"}`);
      console.log(`  vloop:   ${b[at] ?? "(end)"}`);
      mkdirSync(foundDir, { recursive: true });
      const file = join(foundDir, `${prefix}-${seeds[i]}.json`);
      writeFileSync(
        file,
        `${JSON.stringify(
          {
            seed: seeds[i],
            ...(net ? { grammar: "net" } : {}),
            style: small.actual.style,
            program: small.program,
            cpython: withIterations(small.expected),
            vloop: withIterations(small.actual.run),
            python: toPython(small.program),
          },
          null,
          1,
        )}\n`,
      );
      console.log(`  written to ${file}`);
    }
  }
  const what = net || iterationsOfAll ? "in the same loop iterations" : "";
  const ways = eager ? `under eager_task_factory in the ${EAGER_STYLES.length} ways with generator tasks` : `in all ${STYLES.length} ways`;
  console.log(`${count - mismatches}/${count} ${grammar} (seeds ${from}..${from + count - 1}) print what CPython prints ${what} ${ways}`.replace("  ", " "));
  return mismatches === 0 ? 0 : 1;
}

/**
 * --versus V: where another CPython (say 3.13.0) prints something else than
 * 3.12 for the same program, each difference shrunk to a small program; for
 * the rules a Python-version option would have to change. vloop takes no part.
 */
async function versus(other: string, from: number, count: number): Promise<number> {
  const seeds = Array.from({ length: count }, (_, i) => from + i);
  const programs = seeds.map((s) => randomProgram(s));
  const mine = cpython(programs).map((r) => r.lines);
  const theirs = cpython(programs, other).map((r) => r.lines);
  const differ = (a: string[], b: string[]) => a.join("\n") !== b.join("\n");
  let n = 0;
  for (let i = 0; i < count; i++) {
    if (!differ(mine[i]!, theirs[i]!)) continue;
    n++;
    if (n > 10) continue; // count them all, shrink the first ten
    const small = await shrinkWhile(programs[i]!, [mine[i]!, theirs[i]!], async (candidates) => {
      const [ca, cb] = [cpython(candidates).map((r) => r.lines), cpython(candidates, other).map((r) => r.lines)];
      const k = candidates.findIndex((_, j) => differ(ca[j]!, cb[j]!));
      return k < 0 ? undefined : { index: k, shown: [ca[k]!, cb[k]!] };
    });
    const best = small.program;
    const [a, b] = small.shown;
    mkdirSync(foundDir, { recursive: true });
    const file = join(foundDir, `versus-${other}-seed-${seeds[i]}.json`);
    writeFileSync(file, `${JSON.stringify({ seed: seeds[i], program: best, "3.12": a, [other]: b, python: toPython(best) }, null, 1)}\n`);
    const at = diffLine(a, b);
    console.log(`seed ${seeds[i]} (${size(best)} statements): 3.12 "${a[at] ?? "(end)"}", ${other} "${b[at] ?? "(end)"}" -> ${file}`);
  }
  console.log(`${n}/${count} programs (seeds ${from}..${from + count - 1}) print differently under CPython ${other} than under 3.12`);
  return 0;
}

function readCorpus(): Corpus {
  return existsSync(corpusPath) ? (JSON.parse(readFileSync(corpusPath, "utf8")) as Corpus) : { recordedWith: "", programs: [] };
}

/** One program per line, so that a re-recording diffs line by line. */
function writeCorpus(c: Corpus): void {
  const entries = c.programs.map((e) => JSON.stringify(e)).join(",\n");
  writeFileSync(corpusPath, `{"recordedWith":${JSON.stringify(c.recordedWith)},"programs":[\n${entries}\n]}\n`);
}

/** A corpus entry from CPython's run (network programs keep their iterations). */
function entry(seed: number, grammar: "net" | undefined, program: Program, r: Recorded): CorpusEntry {
  return {
    seed,
    ...(grammar === undefined ? {} : { grammar }),
    program,
    lines: r.lines,
    ...(program.server === undefined ? {} : { iterations: r.iterations }),
  };
}

/**
 * Records the first `count` seeds' programs and the first `netCount` seeds'
 * network programs with CPython's lines, and the first `eagerCount` and
 * `eagerNetCount` of each under eager_task_factory (eagerProgram), keeping
 * earlier kept counterexamples.
 */
function recordCorpus(count: number, netCount: number, eagerCount: number, eagerNetCount: number): number {
  const old = readCorpus();
  const kept = old.programs.filter((e) => e.seed < 0); // counterexamples are stored with negative seeds
  const made: { seed: number; grammar?: "net"; program: Program }[] = [
    ...Array.from({ length: count }, (_, i) => ({ seed: i, program: randomProgram(i) })),
    ...Array.from({ length: netCount }, (_, i) => ({ seed: i, grammar: "net" as const, program: randomNetProgram(i) })),
    ...Array.from({ length: eagerCount }, (_, i) => ({ seed: i, program: eagerProgram(randomProgram(i), i) })),
    ...Array.from({ length: eagerNetCount }, (_, i) => ({ seed: i, grammar: "net" as const, program: eagerProgram(randomNetProgram(i), i) })),
    ...kept,
  ];
  const runs = cpython(made.map((m) => m.program));
  const entries = made.map((m, i) => entry(m.seed, m.grammar, m.program, runs[i]!));
  writeCorpus({ recordedWith: `CPython ${pythonVersion()}`, programs: entries });
  console.log(
    `recorded ${entries.length} programs (${count} seeds, ${netCount} network seeds, ${eagerCount} + ${eagerNetCount} of them eager, ${kept.length} kept counterexamples) into ${corpusPath}`,
  );
  return 0;
}

/** Moves a fixed counterexample from found/ into the corpus (seed stored negated), re-recorded by CPython. */
function keep(seed: number, net: boolean): number {
  const file = join(foundDir, `${foundPrefix(net)}-${seed}.json`);
  const found = JSON.parse(readFileSync(file, "utf8")) as { program: Program };
  const [run] = cpython([found.program]);
  const c = readCorpus();
  const grammar = net ? ("net" as const) : undefined;
  c.programs = c.programs.filter((e) => !(e.seed === -seed - 1 && e.grammar === grammar && (e.program.eager === true) === eager));
  c.programs.push(entry(-seed - 1, grammar, found.program, run!));
  writeCorpus(c);
  rmSync(file);
  console.log(`kept ${eager ? "eager " : ""}${net ? "network " : ""}seed ${seed} as corpus entry ${-seed - 1}`);
  return 0;
}

function arg(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
}

async function main(argv: string[]): Promise<number> {
  const version = pythonVersion();
  if (!version.startsWith("3.12.")) {
    console.error(`fuzz: needs CPython 3.12 (got ${JSON.stringify(version)} from ${python}); set VLOOP_PYTHON or PYENV_VERSION`);
    return 2;
  }
  iterationsOfAll = argv.includes("--iterations");
  addedToNet = argv.includes("--added");
  eager = argv.includes("--eager");
  const net = argv.includes("--net");
  const corpus = arg(argv, "--corpus");
  if (corpus !== undefined) {
    const counts = ["--net-corpus", "--eager-corpus", "--eager-net-corpus"].map((o) => Number(arg(argv, o) ?? 0));
    return recordCorpus(Number(corpus), counts[0]!, counts[1]!, counts[2]!);
  }
  const other = arg(argv, "--versus");
  if (other !== undefined) return versus(other, Number(arg(argv, "--from") ?? 0), Number(arg(argv, "--count") ?? 500));
  const kept = arg(argv, "--keep");
  if (kept !== undefined) return keep(Number(kept), net);
  return compare(Number(arg(argv, "--from") ?? 0), Number(arg(argv, "--count") ?? 500), net);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).then((code) => process.exit(code));
}
