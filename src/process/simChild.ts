/**
 * A simulated child process: what the kernel runs on the other side of the
 * pipes. It never touches a real process.
 *
 * A fixed-result child (FixedResult) is kernel work: it acts only when the
 * kernel settles, before each select (the way the recorder lets a real child
 * run until it exits or blocks on a pipe before it polls), so its output and
 * its exit show up in the same iterations as a real child's. A program child
 * (a coroutine) is a task of the loop with streams over its ends of the
 * pipes; its steps take iterations as any task's do (a real child's would
 * take real time), so it matches CPython's printed output but not its
 * iterations (scenarios/process/README.md).
 *
 * Exit statuses follow CPython on Linux: a normal exit gives its code, a
 * death by signal N gives -N (SIGKILL -9, SIGTERM -15, SIGPIPE -13 when the
 * child writes to a pipe whose reader closed).
 */
import { type Task } from "../futures/task.js";
import type { EventLoop } from "../futures/eventLoop.js";
import { SelectorLoop } from "../net/selectorLoop.js";
import { StreamReader, StreamReaderProtocol, StreamWriter, type DrainingProtocol, type WritingTransport } from "../net/streams.js";
import { Pidfd, SimPipe } from "./pipe.js";
import { ReadPipeTransport, WritePipeTransport, type PipeProtocol } from "./pipeTransport.js";
import type { ProcessTable, Registration } from "./processTable.js";

/** SIGPIPE: a write to a pipe nobody reads kills the writer. */
const SIGPIPE = 13;
/** Signals whose default action is to do nothing (SIGCHLD, SIGCONT, SIGURG, SIGWINCH). */
const IGNORED_SIGNALS = new Set([17, 18, 23, 28]);
/** Signals whose default action stops the process (SIGSTOP, SIGTSTP, SIGTTIN, SIGTTOU): not simulated. */
export const STOP_SIGNALS = new Set([19, 20, 21, 22]);

/** How the child's three standard streams are connected: a pipe, or nothing (DEVNULL, inherited). */
export interface ChildPipes {
  readonly stdin: SimPipe | null;
  readonly stdout: SimPipe | null;
  /** the stdout pipe itself under stderr=STDOUT */
  readonly stderr: SimPipe | null;
}

/** One simulated process. */
export class SimChild {
  /** its exit status once it exited (not yet waited for, maybe), else null */
  returncode: number | null = null;
  /** @internal on the table's runnable list */ _queued = false;
  /** @internal its pidfd, readable once it exited */ readonly _pidfd: Pidfd;
  /** @internal a fixed result's output still to write, in order: [pipe, bytes] */ _pending: [SimPipe, Uint8Array][] = [];
  /** @internal a fixed result's duration has passed */ _due = false;
  /** @internal when a fixed child exits relative to its output: 0 not decided yet, 1 with it, 2 once its pipes are read */ _exitDecided = 0;
  /** @internal a fixed result's duration timer */ _timer: { cancel(): void } | null = null;
  /** @internal its exit status was collected (waitpid) */ _reaped = false;
  /** @internal a program child's task */ _task: Task<unknown> | null = null;
  /** @internal a program child's write transports */ _writers: WritePipeTransport[] = [];

  constructor(
    /** @internal */ readonly _table: ProcessTable,
    /** @internal */ readonly _sel: SelectorLoop,
    /** its process id */ readonly pid: number,
    /** the argv it was started with */ readonly argv: readonly string[],
    /** @internal */ readonly _reg: Registration,
    /** @internal the pipes of its standard streams */ readonly _pipes: ChildPipes,
  ) {
    this._pidfd = new Pidfd(_sel.kernel, _sel.kernel._newFd());
  }

  /** "pid 1001 (echo)", for reports */
  get label(): string {
    return `pid ${this.pid} (${this.argv[0]})`;
  }

  /** @internal starts it (inside Popen: the child runs from now on) */
  _start(): void {
    const fixed = this._reg.fixed;
    if (fixed !== null) {
      if (fixed.stdout.length > 0 && this._pipes.stdout !== null) this._pending.push([this._pipes.stdout, fixed.stdout]);
      if (fixed.stderr.length > 0 && this._pipes.stderr !== null) this._pending.push([this._pipes.stderr, fixed.stderr]);
      for (const [pipe] of this._pending) pipe._onRoom = () => this._table._wantsToRun(this);
      scheduleFixedChild(this, fixed.duration);
    } else {
      this._startProgram();
    }
  }

  /**
   * @internal A fixed-result child at a settle: once its duration has
   * passed, it writes what is left of its output as far as the pipes take
   * it, and exits when all is written. Ordering: stdout first, then stderr
   * (as a program that prints its output and then its diagnostics), each
   * write waking the pipe's read end, then the exit waking the pidfd, as
   * the kernel sees a real child write and then exit.
   */
  _settle(): void {
    if (this.returncode !== null || !this._due) return;
    while (this._pending.length > 0) {
      const [pipe, data] = this._pending[0];
      if (!pipe.readEnd.open) {
        this._exit(-SIGPIPE);
        return;
      }
      const n = pipe._put(data);
      if (n < data.length) {
        this._pending[0][1] = data.subarray(n);
        return; // blocked on a full pipe: room made by a read wakes it (pipe._onRoom)
      }
      this._pending.shift();
    }
    if (this._exitDecided === 0) this._exitDecided = exitsWithOutput(this) ? 1 : 2;
    if (this._exitDecided === 2) {
      // it exits once the parent has read its pipes empty (a read makes room: pipe._onRoom runs it again)
      for (const pipe of [this._pipes.stdout, this._pipes.stderr]) {
        if (pipe !== null && pipe.readEnd.open && pipe.buffered > 0) {
          pipe._onRoom = () => this._table._wantsToRun(this);
          return;
        }
      }
    }
    this._exit((this._reg.fixed as { returncode: number }).returncode);
  }

  /** @internal what it is doing, for deadlock reports: "is blocked writing to its stdout (the pipe is full: 65536 bytes unread)" */
  _doing(): string {
    if (this.returncode !== null) return `exited with ${this.returncode}`;
    if (this._reg.fixed !== null) {
      if (!this._due) return "is running (its duration has not passed)";
      const head = this._pending[0];
      if (head !== undefined) {
        const which = head[0] === this._pipes.stdout ? "stdout" : "stderr";
        return `is blocked writing to its ${which} (the pipe is full: ${head[0].buffered} bytes unread, ${head[1].length} more to write)`;
      }
      return "is exiting";
    }
    const full = this._writers.find((w) => w.getWriteBufferSize() > 0);
    if (full !== undefined) return `is blocked writing to a full pipe (${full.getWriteBufferSize()} bytes not yet taken)`;
    return this._task !== null && !this._task.done() ? `runs as ${this._task.getName()}` : "is exiting (flushing its output)";
  }

  /**
   * @internal A signal: the default action of every signal but the
   * ignored ones is to end the process (-sig). Returns false if it was
   * already gone.
   */
  _signal(sig: number): void {
    if (this.returncode !== null || sig === 0 || IGNORED_SIGNALS.has(sig)) return;
    if (this._task !== null && !this._task.done()) this._task.cancel();
    this._exit(-sig);
  }

  /** @internal It exits: its ends of the pipes close (the parent reads EOF), its pidfd becomes readable. */
  _exit(code: number): void {
    if (this.returncode !== null) return;
    this.returncode = code;
    this._pending = [];
    this._timer?.cancel();
    this._timer = null;
    const { stdin, stdout, stderr } = this._pipes;
    stdin?.readEnd.close();
    stdout?.writeEnd.close();
    stderr?.writeEnd.close();
    this._pidfd._signalExit();
  }

  /** Runs a program child: its ends of the pipes as streams, its body as a task. */
  private _startProgram(): void {
    const sel = this._sel;
    const loop = sel.loop as EventLoop;
    const { stdin, stdout, stderr } = this._pipes;
    const kernel = sel.kernel;
    // A stream that is not a pipe still is a stream: stdin at EOF, output into a sink.
    const inPipe = stdin ?? closedPipe(kernel, `stdin of ${this.label}`);
    const outPipe = stdout ?? new SimPipe(kernel, `stdout of ${this.label}`, true);
    const errPipe = stderr ?? new SimPipe(kernel, `stderr of ${this.label}`, true);
    const reader = new StreamReader();
    new ReadPipeTransport(sel, inPipe.readEnd, new StreamReaderProtocol(reader) as unknown as PipeProtocol, null);
    const out = this._writer(outPipe);
    const err = errPipe === outPipe ? out : this._writer(errPipe);
    const ctx = { argv: this.argv, pid: this.pid, stdin: reader, stdout: out, stderr: err };
    const program = this._reg.program as (c: typeof ctx) => unknown;
    const body = () => program(ctx);
    // The child's task must not use up a Task-<n> name: CPython's parent has no such task.
    const counter = (loop as unknown as { _taskCounter: number })._taskCounter;
    const task = loop._createOwnTask(body as () => Generator<unknown, unknown, unknown>, this.label);
    (loop as unknown as { _taskCounter: number })._taskCounter = counter;
    this._task = task;
    const self = this;
    task.addDoneCallback(function childExits(t) {
      if (self.returncode !== null) return; // killed
      let code = 0;
      if (t.cancelled()) code = -15;
      else {
        const exc = t.exception();
        if (exc !== undefined && exc !== null) {
          loop.callExceptionHandler({ message: `simulated program ${self.label} raised`, exception: exc });
          code = 1;
        } else code = exitCode(t.result());
      }
      // Flush its output, then exit (a real process's exit waits for its blocking writes).
      const writers = [...new Set(self._writers)];
      let open = writers.length;
      if (open === 0) {
        self._exit(code);
        return;
      }
      for (const w of writers) {
        const proto = w._protocol as unknown as DrainingProtocol | null;
        w.close();
        if (proto === null) {
          if (--open === 0) self._exit(code);
          continue;
        }
        proto._closed.addDoneCallback(() => {
          if (--open === 0) self._exit(code);
        });
      }
    });
  }

  private _writer(pipe: SimPipe): StreamWriter<WritingTransport, DrainingProtocol> {
    const proto = new StreamReaderProtocol(null);
    const transport = new WritePipeTransport(this._sel, pipe.writeEnd, proto as unknown as PipeProtocol, null);
    this._writers.push(transport);
    return new StreamWriter<WritingTransport, DrainingProtocol>(transport, proto, null);
  }
}

/**
 * When a fixed-result child's output and its exit happen: the one place that
 * decides it. Now: after `duration` virtual seconds (at once for 0) the
 * child becomes runnable, and at the next settle it writes its output, then
 * exits once the pipes took it all (ProcessTable._settle, SimChild._settle).
 * Exploration will make "when a process exits relative to its output" a
 * choice of the tape here (issue #11 item 5); alternative 0 stays this order.
 */
/**
 * When a fixed child that has written all its output exits: in the same
 * settle (alternative 0: the kernel sees the last write and the exit
 * together, as the recordings do), or once the parent has read its pipes
 * empty (1: the output is seen before the exit, as for a child that lingers). A decision of the tape under exploring
 * strategies (issue #11 item 5); never asked under CPython's order.
 */
function exitsWithOutput(child: SimChild): boolean {
  const loop = child._sel.loop;
  if (!loop._policy.chooses) return true;
  const name = `${child.argv[0]} (pid ${child.pid})`;
  return loop._choices.chooseNet(2, () => [`${name} exits with its output`, `${name} exits once its output is read`], null) === 0;
}

export function scheduleFixedChild(child: SimChild, duration: number): void {
  const table = child._table;
  const due = () => {
    child._due = true;
    table._wantsToRun(child);
  };
  if (duration === 0) due();
  else child._timer = child._sel.loop.callLater(duration, due);
}

/** A pipe whose writer is already closed: reading it gives EOF at once (stdin from DEVNULL, or inherited). */
function closedPipe(kernel: SelectorLoop["kernel"], label: string): SimPipe {
  const pipe = new SimPipe(kernel, label);
  pipe.writeEnd.close();
  return pipe;
}

/** A program's return value as an exit status: undefined is 0; a whole number is taken modulo 256 (as exit() does). */
function exitCode(value: unknown): number {
  if (value === undefined || value === null) return 0;
  if (typeof value === "number" && Number.isInteger(value)) return ((value % 256) + 256) % 256;
  return 1;
}
