/**
 * asyncio's subprocess API (asyncio/subprocess.py, 3.12) over simulated
 * processes: `createSubprocessExec`, `createSubprocessShell` and `Process`
 * (the stream protocol between them is in subprocessStreamProtocol.ts). The awaits are asyncio's, one for
 * one (communicate() gathers three coroutines, so it makes three tasks), so
 * a program's output and its Task-<n> names are CPython's.
 *
 * No real process is ever started: the programs come from the run's process
 * table (`processes().register(...)`, see processTable.ts).
 */
import { ConnectionResetError, BrokenPipeError, ValueError } from "../errors.js";
import { type CoroutineObject, GenCoroutine } from "../futures/coroutine.js";
import type { EventLoop } from "../futures/eventLoop.js";
import { gather } from "../asyncio/gather.js";
import { requireLoop } from "../loop/running.js";
import { SelectorLoop } from "../net/selectorLoop.js";
import { DEFAULT_LIMIT, StreamReader, StreamWriter, type DrainingProtocol, type WritingTransport } from "../net/streams.js";
import { STOP_SIGNALS } from "./simChild.js";
import type { ReadPipeTransport } from "./pipeTransport.js";
import { SubprocessStreamProtocol } from "./subprocessStreamProtocol.js";
import { DEVNULL, PIPE, STDOUT, SubprocessTransport, type StdioOption } from "./subprocessTransport.js";
import { noTimeout } from "../util/args.js";

/** The options of createSubprocessExec and createSubprocessShell. */
export interface SubprocessOptions {
  /** PIPE, DEVNULL, or null/undefined (inherit: the child reads EOF) */
  readonly stdin?: StdioOption;
  /** PIPE, DEVNULL, or null/undefined (inherit: the output goes nowhere) */
  readonly stdout?: StdioOption;
  /** PIPE, STDOUT, DEVNULL, or null/undefined */
  readonly stderr?: StdioOption;
  /** the stdout/stderr StreamReaders' limit (default 64 KiB) */
  readonly limit?: number;
}

const OPTION_KEYS = new Set(["stdin", "stdout", "stderr", "limit"]);

/** SIGTERM and SIGKILL */
const SIGTERM = 15;
const SIGKILL = 9;

/**
 * A started (simulated) child process. Mirrors asyncio.subprocess.Process.
 * @example
 * const proc = yield* createSubprocessExec("echo", "hi", { stdout: PIPE });
 * const [out] = yield* proc.communicate();
 */
export class Process {
  /** @internal */ readonly _transport: SubprocessTransport;
  /** @internal */ readonly _protocol: SubprocessStreamProtocol;
  /** @internal */ readonly _loop: EventLoop;
  /** The child's stdin (a StreamWriter over the pipe) when stdin=PIPE, else null. */
  readonly stdin: StreamWriter<WritingTransport, DrainingProtocol> | null;
  /** The child's stdout (a StreamReader) when stdout=PIPE, else null. */
  readonly stdout: StreamReader | null;
  /** The child's stderr (a StreamReader) when stderr=PIPE, else null. */
  readonly stderr: StreamReader | null;
  /** The child's process id (simulated: 1001, 1002, ... in each run). */
  readonly pid: number;

  /** @internal made by createSubprocessExec/Shell */
  constructor(transport: SubprocessTransport, protocol: SubprocessStreamProtocol, loop: EventLoop) {
    this._transport = transport;
    this._protocol = protocol;
    this._loop = loop;
    this.stdin = protocol.stdin;
    this.stdout = protocol.stdout;
    this.stderr = protocol.stderr;
    this.pid = transport.getPid();
  }

  /** The exit status once the loop saw the child exit, else null; -N if a signal N ended it. Mirrors `Process.returncode`. */
  get returncode(): number | null {
    return this._transport.getReturncode();
  }

  /**
   * Waits for the child to exit and its pipes to close; returns the return code.
   * Mirrors `Process.wait()`. With stdout=PIPE and output larger than the
   * stream buffers (twice the limit), the child blocks on the full pipe and
   * wait() never returns, as in CPython: read first, or use communicate().
   * vloop reports that as a DeadlockError naming the blocked child.
   * @example const code = yield* proc.wait();
   */
  wait(): CoroutineObject<number>;
  wait(extra?: unknown): CoroutineObject<number> {
    // subprocess.Popen.wait(timeout) has one; asyncio's Process.wait() has none
    if (extra !== undefined) throw noTimeout("Process.wait()", extra, "no arguments", "proc.wait()");
    return new GenCoroutine(() => this._transport._wait(), "Process.wait()");
  }

  /**
   * Sends `input` to stdin (then closes it), reads stdout and stderr to EOF,
   * waits for the exit; returns [stdout, stderr] (null for a stream that is
   * not a pipe). Mirrors `Process.communicate(input=None)`: as in CPython,
   * `input` is silently dropped when stdin is not a pipe.
   * @throws TypeError if input is neither bytes (a Uint8Array) nor null/undefined.
   * @example const [out, err] = yield* proc.communicate(new TextEncoder().encode("data"));
   */
  communicate(input?: Uint8Array | null): CoroutineObject<[Uint8Array | null, Uint8Array | null]>;
  communicate(input: Uint8Array | null = null, extra?: unknown): CoroutineObject<[Uint8Array | null, Uint8Array | null]> {
    if (extra !== undefined) throw noTimeout("Process.communicate(input)", extra, "one argument, the input", "proc.communicate(input)");
    if (input !== null && input !== undefined && !(input instanceof Uint8Array)) {
      throw new TypeError(`communicate: input must be bytes (a Uint8Array) or null (got ${typeof input})`);
    }
    return new GenCoroutine(() => this._communicateBody(input), "Process.communicate()");
  }

  /** @internal */
  *_communicateBody(input: Uint8Array | null): Generator<unknown, [Uint8Array | null, Uint8Array | null], unknown> {
    const stdin = this.stdin !== null ? this._feedStdin(input) : noop();
    const stdout = this.stdout !== null ? this._readStream(1) : noop();
    const stderr = this.stderr !== null ? this._readStream(2) : noop();
    const [, out, err] = (yield* gather(stdin, stdout, stderr)) as [unknown, Uint8Array | null, Uint8Array | null];
    yield* this._transport._wait();
    return [out, err] as [Uint8Array | null, Uint8Array | null];
  }

  private _feedStdin(input: Uint8Array | null): CoroutineObject<null> {
    const stdin = this.stdin as StreamWriter<WritingTransport, DrainingProtocol>;
    return new GenCoroutine(() => this._feedStdinBody(stdin, input), "Process._feed_stdin()");
  }

  /** @internal */
  *_feedStdinBody(stdin: StreamWriter<WritingTransport, DrainingProtocol>, input: Uint8Array | null): Generator<unknown, null, unknown> {
    try {
      if (input !== null && input !== undefined) stdin.write(input);
      yield* stdin.drain();
    } catch (error) {
      if (!(error instanceof BrokenPipeError || error instanceof ConnectionResetError)) throw error;
    }
    stdin.close();
    return null;
  }

  private _readStream(fd: 1 | 2): CoroutineObject<Uint8Array> {
    const transport = this._transport.getPipeTransport(fd) as ReadPipeTransport;
    const stream = (fd === 1 ? this.stdout : this.stderr) as StreamReader;
    return new GenCoroutine(() => this._readStreamBody(stream, transport), "Process._read_stream()");
  }

  /** @internal */
  *_readStreamBody(stream: StreamReader, transport: ReadPipeTransport): Generator<unknown, Uint8Array, unknown> {
    const output = yield* stream.read();
    transport.close();
    return output;
  }

  /**
   * Sends signal `sig` (a number, as Linux's: 9 SIGKILL, 15 SIGTERM, 2 SIGINT...).
   * A simulated child ends with returncode -sig, except for the signals whose
   * default action is to ignore (17, 18, 23, 28) and 0; nothing happens if it
   * already exited. Mirrors `Process.send_signal(signal)`.
   * @throws ProcessLookupError once the child was waited for; ValueError for a
   *   signal that is not a whole number 0-64 or stops the process (19-22: not simulated).
   * @example proc.sendSignal(2); // SIGINT: returncode -2
   */
  sendSignal(sig: number): void {
    if (typeof sig !== "number" || !Number.isInteger(sig) || sig < 0 || sig > 64) {
      throw new ValueError(`sendSignal: the signal must be a whole number 0-64 (got ${String(sig)})`);
    }
    if (STOP_SIGNALS.has(sig)) throw new ValueError(`sendSignal: signal ${sig} stops a process; stopped processes are not simulated`);
    this._transport.sendSignal(sig);
  }

  /**
   * Sends SIGTERM: returncode -15. Mirrors `Process.terminate()`.
   * @throws ProcessLookupError once the child was waited for.
   * @example proc.terminate(); yield* proc.wait(); // -15
   */
  terminate(): void {
    this._transport.sendSignal(SIGTERM);
  }

  /**
   * Sends SIGKILL: returncode -9. Mirrors `Process.kill()`.
   * @throws ProcessLookupError once the child was waited for.
   * @example proc.kill(); yield* proc.wait(); // -9
   */
  kill(): void {
    this._transport.sendSignal(SIGKILL);
  }

  /** asyncio's repr: `<Process 1001>` */
  toString(): string {
    return `<Process ${this.pid}>`;
  }
}

function noop(): CoroutineObject<null> {
  return new GenCoroutine(() => noopBody(), "Process._noop()");
}

function* noopBody(): Generator<unknown, null, unknown> {
  return null;
}

/** Python's type name of a value, for CPython's TypeError words. */
function pyTypeName(v: unknown): string {
  if (v === null || v === undefined) return "NoneType";
  if (typeof v === "number") return Number.isInteger(v) ? "int" : "float";
  if (typeof v === "boolean") return "bool";
  if (Array.isArray(v)) return "list";
  if (typeof v === "object") return "dict";
  return typeof v;
}

function checkStdio(what: string, name: "stdin" | "stdout" | "stderr", value: unknown): StdioOption {
  if (value === undefined || value === null) return null;
  if (value === PIPE || value === DEVNULL || (value === STDOUT && name === "stderr")) return value;
  const allowed = name === "stderr" ? "PIPE, STDOUT, DEVNULL or null" : "PIPE, DEVNULL or null";
  throw new ValueError(`${what}: ${name} must be ${allowed} (got ${String(value)})`);
}

function checkOptions(what: string, options: unknown): { stdin: StdioOption; stdout: StdioOption; stderr: StdioOption; limit: number } {
  const o = (options ?? {}) as Record<string, unknown>;
  for (const k of Object.keys(o)) if (!OPTION_KEYS.has(k)) throw new TypeError(`${what}() got an unexpected keyword argument '${k}'`);
  const limit = o.limit ?? DEFAULT_LIMIT;
  if (typeof limit !== "number" || !(limit > 0)) throw new ValueError("Limit cannot be <= 0");
  return { stdin: checkStdio(what, "stdin", o.stdin), stdout: checkStdio(what, "stdout", o.stdout), stderr: checkStdio(what, "stderr", o.stderr), limit };
}

/** asyncio's `_make_subprocess_transport` + the Process: start the child, connect its pipes, wait for that. */
function* startProcess(what: string, argv: readonly string[], shell: boolean, options: unknown): Generator<unknown, Process, unknown> {
  const loop = requireLoop(`${what}()`) as EventLoop;
  const o = checkOptions(what, options);
  const sel = SelectorLoop.of(loop);
  const protocol = new SubprocessStreamProtocol(o.limit, loop);
  const waiter = loop.createFuture<undefined>();
  const transport = new SubprocessTransport(sel, protocol, argv, shell, o.stdin, o.stdout, o.stderr, waiter);
  transport._watch();
  try {
    yield* waiter;
  } catch (error) {
    transport.close();
    yield* transport._wait();
    throw error;
  }
  return new Process(transport, protocol, loop);
}

/**
 * Starts `program` with `args` as a simulated child process; the last
 * argument may be the options ({ stdin, stdout, stderr, limit }). The
 * program must be registered with `processes().register(...)`.
 * Mirrors `asyncio.create_subprocess_exec(program, *args, stdin=None, stdout=None, stderr=None, limit=...)`.
 * @throws FileNotFoundError ("[Errno 2] No such file or directory: 'prog'")
 *   for a program that is not registered; TypeError for a program or
 *   argument that is not a string (CPython's "expected str, bytes or
 *   os.PathLike object, not int") or an unknown option; ValueError for a
 *   stdin/stdout/stderr that is not PIPE, STDOUT (stderr only), DEVNULL or null.
 * @example
 * processes().register("echo", { stdout: "hello\n" });
 * const proc = yield* createSubprocessExec("echo", "hello", { stdout: PIPE });
 * const [out] = yield* proc.communicate(); // "hello\n" as bytes
 */
export function createSubprocessExec(program: string, ...rest: (string | SubprocessOptions)[]): CoroutineObject<Process> {
  let options: unknown = undefined;
  let args: unknown[] = rest;
  const last = rest[rest.length - 1];
  if (last !== null && typeof last === "object" && !Array.isArray(last)) {
    options = last;
    args = rest.slice(0, -1);
  }
  const argv = [program, ...args];
  // Checked when awaited, as CPython's Popen checks them inside the coroutine.
  return new GenCoroutine(() => createSubprocessExecBody(argv, options), "create_subprocess_exec()");
}

function* createSubprocessExecBody(argv: unknown[], options: unknown): Generator<unknown, Process, unknown> {
  for (const a of argv) {
    if (typeof a !== "string") throw new TypeError(`expected str, bytes or os.PathLike object, not ${pyTypeName(a)}`);
  }
  return yield* startProcess("createSubprocessExec", argv as string[], false, options);
}

/**
 * Runs `cmd` through the (simulated) shell. The program is found by the
 * command's words (split at whitespace; the longest registered prefix wins,
 * so `register("git", ...)` answers "git status --short"); the program gets
 * those words as its argv. There is no quoting, globbing, redirection or
 * pipeline. An unregistered first word behaves as /bin/sh does: the child
 * writes "/bin/sh: 1: NAME: not found" to stderr and exits 127.
 * Mirrors `asyncio.create_subprocess_shell(cmd, stdin=None, stdout=None, stderr=None, limit=...)`.
 * @throws ValueError "cmd must be a string" (CPython's words) for a non-string
 *   command; ValueError/TypeError for bad options, as createSubprocessExec.
 * @example
 * processes().register("exit", { returncode: 3 });
 * const proc = yield* createSubprocessShell("exit 3");
 * yield* proc.wait(); // 3
 */
export function createSubprocessShell(cmd: string, options?: SubprocessOptions): CoroutineObject<Process> {
  return new GenCoroutine(() => createSubprocessShellBody(cmd, options), "create_subprocess_shell()");
}

function* createSubprocessShellBody(cmd: string, options: SubprocessOptions | undefined): Generator<unknown, Process, unknown> {
  if (typeof cmd !== "string") throw new ValueError("cmd must be a string");
  const argv = cmd.split(/\s+/).filter((w) => w !== "");
  return yield* startProcess("createSubprocessShell", argv, true, options);
}
