/**
 * The subprocess transport: asyncio's `BaseSubprocessTransport` with
 * `_UnixSubprocessTransport._start` (base_subprocess.py, unix_events.py,
 * 3.12) and the PidfdChildWatcher that CPython 3.12 uses on Linux, over
 * simulated processes.
 *
 * Iterations as in CPython: starting the child is synchronous (Popen), then
 * a task (`_connect_pipes`, which uses up a Task-<n> name) connects each
 * pipe (one waiter each) and queues `connection_made`; the child's exit is
 * an IO event on its pidfd (`_do_wait`), which queues `_process_exited`;
 * `wait()` returns only once the child exited *and* every pipe reached EOF
 * (`_try_finish` queues `_call_connection_lost`, which wakes the waiters).
 */
import { FileNotFoundError, ProcessLookupError } from "../errors.js";
import { Future } from "../futures/future.js";
import type { EventLoop } from "../futures/eventLoop.js";
import type { WaitInfo } from "../loop/deadlockReport.js";
import type { SelectorLoop } from "../net/selectorLoop.js";
import type { StreamReader } from "../net/streams.js";
import { SimPipe, type PipeReadEnd, type PipeWriteEnd } from "./pipe.js";
import { ReadPipeTransport, WritePipeTransport } from "./pipeTransport.js";
import { processTableOf, type Registration } from "./processTable.js";
import { SimChild } from "./simChild.js";

/** asyncio.subprocess.PIPE (subprocess.PIPE): connect a pipe to the child's stream. */
export const PIPE = -1;
/** asyncio.subprocess.STDOUT: the child's stderr goes where its stdout goes. */
export const STDOUT = -2;
/** asyncio.subprocess.DEVNULL: the child's stream is the null device. */
export const DEVNULL = -3;

/** What the SubprocessTransport calls on its protocol (asyncio.SubprocessProtocol). */
export interface SubprocessProtocol {
  connectionMade(transport: SubprocessTransport): void;
  pipeDataReceived(fd: number, data: Uint8Array): void;
  pipeConnectionLost(fd: number, exc: unknown): void;
  processExited(): void;
  connectionLost(exc: unknown): void;
  pauseWriting(): void;
  resumeWriting(): void;
}

/** The Popen side of a started child: its pid, the parent's ends of its pipes, its reaped status. */
class Popen {
  /** set once the exit status was collected (by the pidfd watcher, or by poll()) */
  returncode: number | null = null;
  constructor(
    readonly child: SimChild,
    readonly stdin: PipeWriteEnd | null,
    readonly stdout: PipeReadEnd | null,
    readonly stderr: PipeReadEnd | null,
  ) {}

  get pid(): number {
    return this.child.pid;
  }

  /** Popen.poll(): collects the exit status if the child has exited (a waitpid(WNOHANG)). */
  poll(): number | null {
    const child = this.child;
    if (this.returncode === null && child.returncode !== null && !child._reaped) {
      child._reaped = true;
      this.returncode = child.returncode;
    }
    return this.returncode;
  }

  /** Popen.send_signal: nothing if the child is known to be gone (poll() first, as CPython). */
  sendSignal(sig: number): void {
    this.poll();
    if (this.returncode !== null) return;
    this.child._signal(sig);
  }
}

/** Where a child's standard stream goes, as the caller asked. */
export type StdioOption = typeof PIPE | typeof STDOUT | typeof DEVNULL | null;

/**
 * Starts the simulated child (subprocess.Popen): finds its program, makes
 * its pipes. An exec of an unknown program raises FileNotFoundError; a shell
 * command whose first word is unknown runs a shell that says so and exits
 * 127, as /bin/sh does.
 */
function popen(sel: SelectorLoop, argv: readonly string[], shell: boolean, stdin: StdioOption, stdout: StdioOption, stderr: StdioOption): Popen {
  const table = processTableOf(sel.loop);
  if (sel.kernel._settle === null) sel.kernel._settle = () => table._settle();
  let reg: Registration | null = table._lookup(argv);
  table.calls.push(argv);
  if (reg === null) {
    if (!shell) throw new FileNotFoundError(2, "No such file or directory", argv[0]);
    reg = {
      words: argv,
      fixed: argv.length === 0
        ? { stdout: new Uint8Array(0), stderr: new Uint8Array(0), returncode: 0, duration: 0 }
        : { stdout: new Uint8Array(0), stderr: new TextEncoder().encode(`/bin/sh: 1: ${argv[0]}: not found\n`), returncode: 127, duration: 0 },
      program: null,
    };
  }
  const pid = table._nextPid++;
  const label = (what: string) => `${what} of pid ${pid} (${argv[0] ?? "sh"})`;
  const kernel = sel.kernel;
  const inPipe = stdin === PIPE ? new SimPipe(kernel, label("stdin")) : null;
  const outPipe = stdout === PIPE ? new SimPipe(kernel, label("stdout")) : null;
  const errPipe = stderr === PIPE ? new SimPipe(kernel, label("stderr")) : stderr === STDOUT ? outPipe : null;
  const child = new SimChild(table, sel, pid, argv.length === 0 ? ["sh"] : argv, reg, { stdin: inPipe, stdout: outPipe, stderr: errPipe });
  table._children.push(child);
  child._start();
  return new Popen(child, inPipe?.writeEnd ?? null, outPipe?.readEnd ?? null, stderr === PIPE ? (errPipe as SimPipe).readEnd : null);
}

/** The protocol of one pipe, between its transport and the subprocess transport (asyncio's Write/ReadSubprocessPipeProto). */
class SubprocessPipeProto {
  pipe: ReadPipeTransport | WritePipeTransport | null = null;
  disconnected = false;
  constructor(
    private proc: SubprocessTransport | null,
    readonly fd: number,
  ) {}
  connectionMade(transport: unknown): void {
    this.pipe = transport as ReadPipeTransport | WritePipeTransport;
  }
  connectionLost(exc: unknown): void {
    this.disconnected = true;
    this.proc?._pipeConnectionLost(this.fd, exc);
    this.proc = null;
  }
  dataReceived(data: Uint8Array): void {
    this.proc?._pipeDataReceived(this.fd, data);
  }
  pauseWriting(): void {
    this.proc?._protocol?.pauseWriting();
  }
  resumeWriting(): void {
    this.proc?._protocol?.resumeWriting();
  }
}

/** The future wait() awaits: it says, in a deadlock report, what the child is doing and what wait() still waits for. */
class ExitWaiter extends Future<number> {
  constructor(
    loop: EventLoop,
    private readonly transport: SubprocessTransport,
  ) {
    super(loop);
  }

  override _awaitedInfo(): WaitInfo {
    const t = this.transport;
    const child = t._child;
    const task = child._task;
    const edges = task !== null && !task.done() ? [{ task, via: child.label }] : [];
    return { text: `Future#${this._idForMessages()} (${t._describeWait()})`, edges };
  }
}

/**
 * A running (or finished) simulated child as a transport. Mirrors asyncio's
 * `_UnixSubprocessTransport`.
 * @example const transport = proc._transport; transport.getPid();
 */
export class SubprocessTransport {
  /** @internal */ _closed = false;
  /** @internal */ _protocol: SubprocessProtocol | null;
  /** @internal */ _loop: EventLoop | null;
  /** @internal */ readonly _sel: SelectorLoop;
  /** @internal */ _proc: Popen | null = null;
  /** @internal */ readonly _child: SimChild;
  /** @internal */ readonly _pid: number;
  /** @internal */ _returncode: number | null = null;
  /** @internal */ _exitWaiters: Future<number>[] | null = [];
  /** @internal */ _pendingCalls: [(...args: unknown[]) => void, unknown[]][] | null = [];
  /** @internal fd -> its pipe's protocol, null until connected */ readonly _pipes = new Map<number, SubprocessPipeProto | null>();
  /** @internal */ _finished = false;
  /** @internal the child's stream readers, for deadlock reports */ _readers: (StreamReader | null)[] = [];

  /** @internal made by createSubprocessExec/createSubprocessShell; starts the child */
  constructor(sel: SelectorLoop, protocol: SubprocessProtocol, argv: readonly string[], shell: boolean, stdin: StdioOption, stdout: StdioOption, stderr: StdioOption, waiter: Future<undefined>) {
    this._sel = sel;
    this._loop = sel.loop as EventLoop;
    this._protocol = protocol;
    if (stdin === PIPE) this._pipes.set(0, null);
    if (stdout === PIPE) this._pipes.set(1, null);
    if (stderr === PIPE) this._pipes.set(2, null);
    const proc = popen(sel, argv, shell, stdin, stdout, stderr); // FileNotFoundError: nothing was made to close
    this._proc = proc;
    this._child = proc.child;
    this._pid = proc.pid;
    const self = this;
    (sel.loop as EventLoop).createTask(() => self._connectPipes(waiter));
  }

  /** asyncio's `_connect_pipes`: one connect_*_pipe (one waiter) per pipe, in the order stdin, stdout, stderr. */
  private *_connectPipes(waiter: Future<undefined>): Generator<unknown, void, unknown> {
    try {
      const proc = this._proc as Popen;
      const sel = this._sel;
      const loop = sel.loop as EventLoop;
      if (proc.stdin !== null) {
        const proto = new SubprocessPipeProto(this, 0);
        const w = loop.createFuture<undefined>();
        new WritePipeTransport(sel, proc.stdin, proto, w);
        yield* w;
        this._pipes.set(0, proto);
      }
      if (proc.stdout !== null) {
        const proto = new SubprocessPipeProto(this, 1);
        const w = loop.createFuture<undefined>();
        new ReadPipeTransport(sel, proc.stdout, proto, w);
        yield* w;
        this._pipes.set(1, proto);
      }
      if (proc.stderr !== null) {
        const proto = new SubprocessPipeProto(this, 2);
        const w = loop.createFuture<undefined>();
        new ReadPipeTransport(sel, proc.stderr, proto, w);
        yield* w;
        this._pipes.set(2, proto);
      }
      // asyncio queues connection_made (call_soon) and then sets the waiter,
      // so in CPython's order the streams exist before the caller resumes.
      // vloop calls it here, one iteration early, which nothing can observe in
      // that order (the pending pipe callbacks are queued after it either
      // way, and no one holds the transport yet), and which keeps the streams
      // there when exploration lets the caller's wakeup pass a plain callback.
      (this._protocol as SubprocessProtocol).connectionMade(this);
      for (const [fn, args] of this._pendingCalls as [(...a: unknown[]) => void, unknown[]][]) {
        loop._callSoon(() => fn(...args), 0);
      }
      this._pendingCalls = null;
    } catch (error) {
      if (!waiter.cancelled()) waiter.setException(error);
      return;
    }
    if (!waiter.cancelled()) waiter.setResult(undefined);
  }

  /** @internal the pidfd watcher: add_child_handler, then `_do_wait` when the pidfd is readable */
  _watch(): void {
    const sel = this._sel;
    const pidfd = this._child._pidfd;
    const self = this;
    sel.addReader(pidfd, function _do_wait() {
      sel.removeReader(pidfd);
      const child = self._child;
      // waitpid: the status, unless poll() collected it already (then CPython reports 255)
      const returncode = child._reaped ? 255 : (child.returncode as number);
      child._reaped = true;
      pidfd.close();
      // _child_watcher_callback: call_soon_threadsafe(transp._process_exited, returncode)
      sel.loop._callSoon(function _process_exited() {
        self._processExited(returncode);
      }, 0);
    });
  }

  /** The child's process id. Mirrors `transport.get_pid()`. */
  getPid(): number {
    return this._pid;
  }

  /** The exit status once the loop saw the exit, else null. Mirrors `transport.get_returncode()`. */
  getReturncode(): number | null {
    return this._returncode;
  }

  /** The transport of pipe `fd` (0, 1, 2), or null. Mirrors `transport.get_pipe_transport(fd)`. */
  getPipeTransport(fd: number): ReadPipeTransport | WritePipeTransport | null {
    const proto = this._pipes.get(fd);
    return proto === undefined || proto === null ? null : proto.pipe;
  }

  /** True once closed. Mirrors `transport.is_closing()`. */
  isClosing(): boolean {
    return this._closed;
  }

  /** Closes the pipes and kills the child if it still runs. Mirrors `transport.close()`. */
  close(): void {
    if (this._closed) return;
    this._closed = true;
    for (const proto of this._pipes.values()) proto?.pipe?.close();
    const proc = this._proc;
    if (proc !== null && this._returncode === null && proc.poll() === null) proc.sendSignal(9);
  }

  private _checkProc(): Popen {
    if (this._proc === null) throw new ProcessLookupError();
    return this._proc;
  }

  /** @internal Mirrors `transport.send_signal(sig)`. */
  sendSignal(sig: number): void {
    this._checkProc().sendSignal(sig);
  }

  /** @internal a call to the protocol: held until the pipes are connected, then call_soon */
  private _call(fn: (...args: unknown[]) => void, ...args: unknown[]): void {
    if (this._pendingCalls !== null) this._pendingCalls.push([fn, args]);
    else (this._loop as EventLoop)._callSoon(() => fn(...args), 0);
  }

  /** @internal */
  _pipeConnectionLost(fd: number, exc: unknown): void {
    const protocol = this._protocol as SubprocessProtocol;
    this._call((f, e) => protocol.pipeConnectionLost(f as number, e), fd, exc);
    this._tryFinish();
  }

  /** @internal */
  _pipeDataReceived(fd: number, data: Uint8Array): void {
    const protocol = this._protocol as SubprocessProtocol;
    this._call((f, d) => protocol.pipeDataReceived(f as number, d as Uint8Array), fd, data);
  }

  /** @internal */
  _processExited(returncode: number): void {
    this._returncode = returncode;
    const proc = this._proc as Popen;
    if (proc.returncode === null) proc.returncode = returncode;
    const protocol = this._protocol as SubprocessProtocol;
    this._call(() => protocol.processExited());
    this._tryFinish();
  }

  /** @internal asyncio's `_wait`: the return code once the child exited and every pipe is closed. */
  *_wait(): Generator<unknown, number, unknown> {
    if (this._returncode !== null) return this._returncode;
    const waiter = new ExitWaiter(this._loop as EventLoop, this);
    (this._exitWaiters as Future<number>[]).push(waiter);
    return yield* waiter;
  }

  private _tryFinish(): void {
    if (this._returncode === null) return;
    for (const p of this._pipes.values()) if (p === null || !p.disconnected) return;
    this._finished = true;
    this._call(() => this._callConnectionLost(null));
  }

  private _callConnectionLost(exc: unknown): void {
    try {
      this._protocol?.connectionLost(exc);
    } finally {
      for (const waiter of this._exitWaiters ?? []) if (!waiter.cancelled()) waiter.setResult(this._returncode as number);
      this._exitWaiters = null;
      this._loop = null;
      this._proc = null;
      this._protocol = null;
    }
  }

  /** @internal for deadlock reports: what wait() is waiting for */
  _describeWait(): string {
    const child = this._child;
    const parts = [`Process.wait() for ${child.label}: the child ${child._doing()}`];
    const names = ["stdin", "stdout", "stderr"];
    for (const [fd, proto] of this._pipes) {
      if (fd === 0 || (proto !== null && proto.disconnected)) continue;
      const reader = this._readers[fd] ?? null;
      const paused = reader !== null && reader._paused;
      if (child.returncode !== null || paused) {
        const why = paused ? `its stream stopped reading at ${reader._buffer.length} bytes buffered (more than twice its limit of ${reader._limit})` : "nobody reads it to EOF";
        parts.push(`wait() also waits for ${names[fd]} to reach EOF, and ${why}: read the output before wait(), or use communicate()`);
      }
    }
    return parts.join("; ");
  }

  /** asyncio's repr: `<_UnixSubprocessTransport pid=1001 running stdout=<...>>` */
  toString(): string {
    const info = ["_UnixSubprocessTransport"];
    if (this._closed) info.push("closed");
    info.push(`pid=${this._pid}`);
    info.push(this._returncode !== null ? `returncode=${this._returncode}` : "running");
    for (const [fd, name] of [[0, "stdin"], [1, "stdout"], [2, "stderr"]] as const) {
      const pipe = this.getPipeTransport(fd);
      if (pipe !== null) info.push(`${name}=${pipe}`);
    }
    return `<${info.join(" ")}>`;
  }
}
