/**
 * Simulated OS pipes and pidfds: the kernel objects between a parent and a
 * simulated child process, polled through the same epoll ready list as the
 * network's sockets (net/kernel.ts), so their readiness joins an iteration's
 * IO callbacks in the order Linux reports it.
 *
 * A pipe holds at most PIPE_CAPACITY bytes (64 KiB, Linux's default pipe
 * size); a writer finding it full blocks (a non-blocking write says
 * "would block"). Closing the read end breaks the pipe: writes fail with
 * EPIPE, and epoll reports the write end as errored (asyncio's write pipe
 * transport watches for exactly that with a reader on the write end).
 * Closing the write end makes the read end report EOF once it is drained.
 */
import { BrokenPipeError } from "../errors.js";
import { EVENT_READ, EVENT_WRITE, type Kernel, type Pollable, WouldBlock } from "../net/kernel.js";

/** Linux's default pipe capacity: 16 pages of 4 KiB. */
export const PIPE_CAPACITY = 65536;

/** One pipe: a bounded byte queue with a read end and a write end. */
export class SimPipe {
  /** @internal bytes written and not yet read, in order */ readonly _chunks: Uint8Array[] = [];
  /** @internal bytes in `_chunks` */ _length = 0;
  readonly readEnd: PipeReadEnd;
  readonly writeEnd: PipeWriteEnd;
  /**
   * @internal Called when a read makes room, so a simulated child blocked
   * writing can go on (at the next settle, see ProcessTable).
   */
  _onRoom: (() => void) | null = null;

  constructor(
    /** @internal */ readonly _kernel: Kernel,
    /** what the pipe is, for reports: "stdout of pid 1001 (echo)" */ readonly label: string,
    /** a sink takes and drops every byte (DEVNULL, an inherited stdout) */ readonly sink = false,
  ) {
    this.readEnd = new PipeReadEnd(this, _kernel._newFd());
    this.writeEnd = new PipeWriteEnd(this, _kernel._newFd());
  }

  /** Bytes waiting to be read. */
  get buffered(): number {
    return this._length;
  }

  /** Room left before a writer blocks. */
  get room(): number {
    return this.sink ? Infinity : PIPE_CAPACITY - this._length;
  }

  /**
   * @internal Puts up to `room` bytes of `data` in the pipe (a write that may
   * be partial, as Linux's for writes larger than PIPE_BUF); returns how
   * many it took. The caller checked that the read end is open.
   */
  _put(data: Uint8Array): number {
    if (this.sink) return data.length;
    const n = Math.min(data.length, PIPE_CAPACITY - this._length);
    if (n <= 0) return 0;
    this._chunks.push(n === data.length ? data : data.slice(0, n));
    this._length += n;
    this._kernel._wake(this.readEnd);
    return n;
  }

  /** @internal Takes up to `n` bytes (at least one is there). */
  _take(n: number): Uint8Array {
    const take = Math.min(n, this._length);
    let out: Uint8Array;
    const first = this._chunks[0];
    if (first.length === take) {
      this._chunks.shift();
      out = first;
    } else {
      out = new Uint8Array(take);
      let off = 0;
      while (off < take) {
        const chunk = this._chunks[0];
        const k = Math.min(chunk.length, take - off);
        out.set(chunk.subarray(0, k), off);
        off += k;
        if (k === chunk.length) this._chunks.shift();
        else this._chunks[0] = chunk.subarray(k);
      }
    }
    this._length -= take;
    // Room was made: the write end is writable again, a blocked child may go on.
    this._kernel._wake(this.writeEnd);
    this._onRoom?.();
    return out;
  }
}

/** The read end of a pipe (a file descriptor of the simulated kernel). */
export class PipeReadEnd implements Pollable {
  /** @internal */ _mask = 0;
  /** @internal */ _key: [unknown, unknown] = [null, null];
  /** @internal */ _onReadyList = false;
  /** open until close() */ open = true;

  constructor(
    /** the pipe */ readonly pipe: SimPipe,
    /** the file descriptor number (for reprs and reports) */ readonly fd: number,
  ) {}

  /**
   * Non-blocking read(n): bytes if there are any, b'' once the write end is
   * closed and the pipe is empty. Mirrors os.read on a non-blocking pipe.
   * @throws WouldBlock when the pipe is empty and its write end open.
   */
  read(n: number): Uint8Array {
    const pipe = this.pipe;
    if (pipe._length > 0) return pipe._take(n);
    if (!pipe.writeEnd.open) return new Uint8Array(0);
    throw new WouldBlock(11, "Resource temporarily unavailable");
  }

  /** close(): the pipe breaks for its writer (EPIPE). */
  close(): void {
    if (!this.open) return;
    this.open = false;
    const kernel = this.pipe._kernel;
    kernel._unregister(this);
    kernel._wake(this.pipe.writeEnd);
    this.pipe._onRoom?.(); // a child blocked writing learns that the pipe broke
  }

  /** @internal EPOLLIN for bytes, EPOLLHUP once the writer closed. */
  _events(mask: number): number {
    if (!this.open) return 0;
    const pipe = this.pipe;
    if (pipe._length > 0) return mask & EVENT_READ;
    if (!pipe.writeEnd.open) return EVENT_READ | EVENT_WRITE; // EPOLLHUP
    return 0;
  }
}

/** The write end of a pipe. */
export class PipeWriteEnd implements Pollable {
  /** @internal */ _mask = 0;
  /** @internal */ _key: [unknown, unknown] = [null, null];
  /** @internal */ _onReadyList = false;
  /** open until close() */ open = true;

  constructor(
    /** the pipe */ readonly pipe: SimPipe,
    /** the file descriptor number */ readonly fd: number,
  ) {}

  /**
   * Non-blocking write(data): how many bytes the pipe took (maybe fewer
   * than given). Mirrors os.write on a non-blocking pipe.
   * @throws BrokenPipeError (EPIPE) once the read end is closed; WouldBlock when the pipe is full.
   */
  write(data: Uint8Array): number {
    const pipe = this.pipe;
    if (!pipe.readEnd.open) throw new BrokenPipeError(32, "Broken pipe");
    if (data.length === 0) return 0;
    const n = pipe._put(data);
    if (n === 0) throw new WouldBlock(11, "Resource temporarily unavailable");
    return n;
  }

  /** close(): the reader sees EOF after the bytes already in the pipe. */
  close(): void {
    if (!this.open) return;
    this.open = false;
    const kernel = this.pipe._kernel;
    kernel._unregister(this);
    kernel._wake(this.pipe.readEnd);
  }

  /** @internal EPOLLOUT while there is room; EPOLLERR (both bits) once the reader closed. */
  _events(mask: number): number {
    if (!this.open) return 0;
    const pipe = this.pipe;
    if (!pipe.readEnd.open) return EVENT_READ | EVENT_WRITE;
    return pipe.room > 0 ? mask & EVENT_WRITE : 0;
  }
}

/** A process's pidfd (os.pidfd_open): readable once the process has exited. */
export class Pidfd implements Pollable {
  /** @internal */ _mask = 0;
  /** @internal */ _key: [unknown, unknown] = [null, null];
  /** @internal */ _onReadyList = false;
  /** @internal the process exited */ _exited = false;

  constructor(
    /** @internal */ readonly _kernel: Kernel,
    /** the file descriptor number */ readonly fd: number,
  ) {}

  /** @internal the process exited: a wakeup */
  _signalExit(): void {
    this._exited = true;
    this._kernel._wake(this);
  }

  /** close() */
  close(): void {
    this._kernel._unregister(this);
  }

  /** @internal */
  _events(mask: number): number {
    return this._exited ? mask & EVENT_READ : 0;
  }
}
