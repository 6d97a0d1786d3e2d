/**
 * The programs a run may start, and the simulated processes it started.
 *
 * No real process is ever started. A test registers each program the code
 * under test runs, as pytest-subprocess's `fake_process.register(["git",
 * "branch"], stdout=..., returncode=..., wait=...)` does:
 *
 *     processes().register(["git", "branch"], { stdout: ["* main"], returncode: 0, duration: 0.5 });
 *     processes().register("cat", function* ({ stdin, stdout }) { ... return 0; });
 *
 * A registration is either a fixed result (bytes or text on stdout and
 * stderr, a return code, a duration in virtual seconds) or a program: a
 * coroutine function that gets its argv and its stdin/stdout/stderr streams
 * and returns its exit code. A command is a program name or an argv prefix;
 * the longest registered prefix of the argv wins. Registering a command that
 * is already registered is an error (say `{ replace: true }` to replace it),
 * so a test never silently runs a stale fake.
 *
 * The table belongs to one event loop, so each run (each of explore()'s
 * runs) starts with nothing registered.
 */
import { ValueError } from "../errors.js";
import type { BaseEventLoop } from "../loop/baseEventLoop.js";
import { requireLoop } from "../loop/running.js";
import type { StreamReader, StreamWriter, WritingTransport, DrainingProtocol } from "../net/streams.js";
import type { SimChild } from "./simChild.js";

/** What a fixed-result program writes: text (UTF-8), bytes, or lines (each ends with "\n"). */
export type Output = string | Uint8Array | readonly string[];

/** A program that always does the same: writes its output and exits. */
export interface FixedResult {
  /** what it writes to stdout (default: nothing) */
  readonly stdout?: Output;
  /** what it writes to stderr (default: nothing) */
  readonly stderr?: Output;
  /** its exit status: 0-255, or -N for "killed by signal N" (default 0) */
  readonly returncode?: number;
  /** virtual seconds it runs before it writes and exits (default 0) */
  readonly duration?: number;
}

/** What a simulated program gets: its argv and its three streams. */
export interface ProgramContext {
  /** the argv it was started with: argv[0] is the program */
  readonly argv: readonly string[];
  /** its process id */
  readonly pid: number;
  /** its stdin: EOF at once unless the parent gave it a pipe */
  readonly stdin: StreamReader;
  /** its stdout: bytes go nowhere unless the parent reads a pipe */
  readonly stdout: StreamWriter<WritingTransport, DrainingProtocol>;
  /** its stderr (the same writer as stdout under stderr=STDOUT) */
  readonly stderr: StreamWriter<WritingTransport, DrainingProtocol>;
}

/**
 * A simulated program: a generator function or an async function (or a
 * function returning a coroutine) that returns its exit code (undefined is 0).
 */
export type Program = (ctx: ProgramContext) => unknown;

/** A registration: a fixed result or a program. */
export type ProgramSpec = FixedResult | Program;

/** @internal a registration, checked and normalised */
export interface Registration {
  readonly words: readonly string[];
  readonly fixed: { stdout: Uint8Array; stderr: Uint8Array; returncode: number; duration: number } | null;
  readonly program: Program | null;
}

const FIXED_KEYS = new Set(["stdout", "stderr", "returncode", "duration"]);
const encoder = new TextEncoder();

/**
 * The programs one run knows, and the processes it started.
 * Get it with `processes()`.
 */
export class ProcessTable {
  /** @internal by the command's words joined with NUL */ readonly _registry = new Map<string, Registration>();
  /** @internal every process started, in order */ readonly _children: SimChild[] = [];
  /** @internal the children that can make progress at the next settle, in the order they became able to */
  _runnable: SimChild[] = [];
  /** @internal the next pid */ _nextPid = 1001;
  /** The argv of every process started (or tried), in order. Mirrors pytest-subprocess's `fp.calls`. */
  readonly calls: (readonly string[])[] = [];

  constructor(/** @internal */ readonly _loop: BaseEventLoop) {}

  /**
   * Registers a simulated program for a command (a program name, or an argv
   * prefix such as ["git", "branch"]). Mirrors pytest-subprocess's
   * `fake_process.register(command, stdout=..., stderr=..., returncode=..., wait=...)`
   * (`duration` is its `wait`, in virtual seconds; a function is its `callback`,
   * here a whole program with streams).
   * @throws TypeError for a command that is not a non-empty string or array of
   *   strings, or a spec that is neither a result object nor a function;
   *   ValueError for a negative or non-finite duration, a return code out of
   *   range, an unknown option, or a command already registered (unless `replace`).
   * @example
   * processes().register("echo", { stdout: "hello\n" });
   * processes().register(["git", "status"], { stdout: ["clean"], returncode: 0, duration: 0.2 });
   * processes().register("cat", function* ({ stdin, stdout }) {
   *   stdout.write(yield* stdin.read());
   *   return 0;
   * });
   */
  register(command: string | readonly string[], spec: ProgramSpec, options: { replace?: boolean } = {}): void {
    const words = commandWords("register", command);
    const key = words.join("\0");
    if (this._registry.has(key) && options.replace !== true) {
      throw new ValueError(`processes().register: ${JSON.stringify(words.join(" "))} is already registered (unregister it first, or pass { replace: true })`);
    }
    this._registry.set(key, checkSpec(words, spec));
  }

  /**
   * Forgets a registration; true if there was one.
   * @throws TypeError for a command that is not a non-empty string or array of strings.
   * @example processes().unregister("echo");
   */
  unregister(command: string | readonly string[]): boolean {
    return this._registry.delete(commandWords("unregister", command).join("\0"));
  }

  /**
   * How many processes were started whose argv begins with `command`.
   * Mirrors pytest-subprocess's `fp.call_count(command)`.
   * @throws TypeError for a command that is not a non-empty string or array of strings.
   * @example expect(processes().callCount(["git", "push"])).toBe(1);
   */
  callCount(command: string | readonly string[]): number {
    const words = commandWords("callCount", command);
    return this.calls.filter((argv) => startsWith(argv, words)).length;
  }

  /** @internal the registration for `argv`: the longest registered prefix, or null */
  _lookup(argv: readonly string[]): Registration | null {
    for (let n = argv.length; n > 0; n--) {
      const found = this._registry.get(argv.slice(0, n).join("\0"));
      if (found !== undefined) return found;
    }
    return null;
  }

  /** @internal a child can make progress: it acts at the next settle (before the next select) */
  _wantsToRun(child: SimChild): void {
    if (child._queued) return;
    child._queued = true;
    this._runnable.push(child);
  }

  /**
   * @internal The kernel's settle hook: every child that can make progress
   * does, until none can. Ordering: children act in the order they became
   * able to (started, duration over, room made in their pipe), so the pipes
   * and pidfds they make readable join epoll's ready list in that order.
   * (Real children run in parallel: when two settle before one select, the
   * kernel's order is the order of their writes and exits, which real time
   * decides; in the recordings (process/15) the child started first comes
   * first, as here.)
   */
  _settle(): void {
    while (this._runnable.length > 0) {
      const batch = this._runnable;
      this._runnable = [];
      for (const child of batch) {
        child._queued = false;
        child._settle();
      }
    }
  }
}

const tables = new WeakMap<BaseEventLoop, ProcessTable>();

/**
 * The running loop's process table: register the programs the code under
 * test starts. Each run has its own (a vloop extra, like pytest-subprocess's
 * `fake_process` fixture).
 * @throws RuntimeError outside a run.
 * @example
 * processes().register("echo", { stdout: "hi\n" });
 * const proc = yield* createSubprocessExec("echo", "hi", { stdout: PIPE });
 */
export function processes(): ProcessTable {
  return processTableOf(requireLoop("processes()") as BaseEventLoop);
}

/** @internal the loop's table, made on first use */
export function processTableOf(loop: BaseEventLoop): ProcessTable {
  let table = tables.get(loop);
  if (table === undefined) {
    table = new ProcessTable(loop);
    tables.set(loop, table);
  }
  return table;
}

function startsWith(argv: readonly string[], words: readonly string[]): boolean {
  if (argv.length < words.length) return false;
  for (let i = 0; i < words.length; i++) if (argv[i] !== words[i]) return false;
  return true;
}

function commandWords(what: string, command: unknown): string[] {
  const words = typeof command === "string" ? [command] : Array.isArray(command) ? [...(command as unknown[])] : null;
  if (words === null || words.length === 0 || words.some((w) => typeof w !== "string" || w === "")) {
    throw new TypeError(`processes().${what}: the command must be a program name or a non-empty array of non-empty strings (got ${show(command)})`);
  }
  return words as string[];
}

function checkSpec(words: readonly string[], spec: unknown): Registration {
  const name = JSON.stringify(words.join(" "));
  if (typeof spec === "function") return { words, fixed: null, program: spec as Program };
  if (spec === null || typeof spec !== "object" || Array.isArray(spec)) {
    throw new TypeError(`processes().register(${name}): expected a result ({ stdout, stderr, returncode, duration }) or a program function (got ${show(spec)})`);
  }
  const r = spec as Record<string, unknown>;
  for (const k of Object.keys(r)) {
    if (!FIXED_KEYS.has(k)) throw new ValueError(`processes().register(${name}): unknown option ${JSON.stringify(k)} (expected stdout, stderr, returncode, duration)`);
  }
  const duration = r.duration ?? 0;
  if (typeof duration !== "number" || !Number.isFinite(duration) || duration < 0) {
    throw new ValueError(`processes().register(${name}): duration must be a finite number >= 0 (got ${show(duration)})`);
  }
  const returncode = r.returncode ?? 0;
  if (typeof returncode !== "number" || !Number.isInteger(returncode) || returncode < -64 || returncode > 255) {
    throw new ValueError(`processes().register(${name}): returncode must be a whole number 0-255, or -N for a signal N (got ${show(returncode)})`);
  }
  return {
    words,
    fixed: { stdout: outputBytes(name, "stdout", r.stdout), stderr: outputBytes(name, "stderr", r.stderr), returncode, duration },
    program: null,
  };
}

function outputBytes(name: string, which: string, out: unknown): Uint8Array {
  if (out === undefined || out === null) return new Uint8Array(0);
  if (out instanceof Uint8Array) return out;
  if (typeof out === "string") return encoder.encode(out);
  if (Array.isArray(out) && out.every((l) => typeof l === "string")) return encoder.encode(out.map((l) => l + "\n").join(""));
  throw new TypeError(`processes().register(${name}): ${which} must be a string, a Uint8Array or an array of lines (got ${show(out)})`);
}

function show(v: unknown): string {
  if (typeof v === "string") return JSON.stringify(v);
  if (typeof v === "function") return "a function";
  if (Array.isArray(v)) return `[${v.map(show).join(", ")}]`;
  if (v !== null && typeof v === "object") return "an object";
  return String(v);
}
