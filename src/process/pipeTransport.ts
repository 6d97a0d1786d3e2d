/**
 * Pipe transports: asyncio's `_UnixReadPipeTransport` and
 * `_UnixWritePipeTransport` (unix_events.py, 3.12) over the simulated pipes.
 * They make asyncio's `call_soon`s in asyncio's places, so each step costs
 * the iterations it costs in CPython: the constructor queues
 * `connection_made`, the reader's registration and the waiter's result; one
 * `read()` per readiness event (at most 256 KiB); EOF queues `eof_received`
 * and then `connection_lost`.
 */
import { BrokenPipeError } from "../errors.js";
import type { Future } from "../futures/future.js";
import { WouldBlock } from "../net/kernel.js";
import { FlowControlTransport } from "../net/flowControl.js";
import type { SelectorLoop } from "../net/selectorLoop.js";
import type { PipeReadEnd, PipeWriteEnd } from "./pipe.js";

/** The callbacks a pipe transport makes (asyncio's BaseProtocol / Protocol). */
export interface PipeProtocol {
  connectionMade(transport: unknown): void;
  connectionLost(exc: unknown): void;
  dataReceived?(data: Uint8Array): void;
  eofReceived?(): unknown;
  pauseWriting?(): void;
  resumeWriting?(): void;
}

/** unix_events._UnixReadPipeTransport.max_size */
const MAX_SIZE = 256 * 1024;

function setResultUnlessCancelled(fut: Future<unknown>): void {
  if (!fut.cancelled()) fut.setResult(undefined);
}

/**
 * The reading end of a pipe as a transport. Mirrors asyncio's `_UnixReadPipeTransport`.
 * @example proc.stdout // a StreamReader fed by one of these
 */
export class ReadPipeTransport {
  /** @internal */ _sel: SelectorLoop | null;
  /** @internal */ _pipe: PipeReadEnd | null;
  /** @internal */ _protocol: PipeProtocol | null;
  /** @internal */ _closing = false;
  /** @internal */ _paused = false;
  /** @internal */ readonly _extra: Record<string, unknown>;

  /** @internal made by the subprocess transport (asyncio's connect_read_pipe) */
  constructor(sel: SelectorLoop, pipe: PipeReadEnd, protocol: PipeProtocol, waiter: Future<unknown> | null) {
    this._sel = sel;
    this._pipe = pipe;
    this._protocol = protocol;
    this._extra = { pipe };
    queueStart(sel, protocol, this, waiter);
  }

  /** @internal the reader the constructor queues: only while reading */
  _addReader(): void {
    if (this.isReading()) (this._sel as SelectorLoop).addReader(this._pipe as PipeReadEnd, _read_ready, 1, this);
  }

  /** True while reading. Mirrors `transport.is_reading()`. */
  isReading(): boolean {
    return !this._paused && !this._closing;
  }

  /** True once closing. Mirrors `transport.is_closing()`. */
  isClosing(): boolean {
    return this._closing;
  }

  /** Stops reading until resumeReading(). Mirrors `transport.pause_reading()`. */
  pauseReading(): void {
    if (!this.isReading()) return;
    this._paused = true;
    this._sel?.removeReader(this._pipe as PipeReadEnd);
  }

  /** Reads again. Mirrors `transport.resume_reading()`. */
  resumeReading(): void {
    if (this._closing || !this._paused) return;
    this._paused = false;
    this._sel?.addReader(this._pipe as PipeReadEnd, _read_ready, 1, this);
  }

  /** "pipe": the pipe end; `defaultValue` for other names. Mirrors `transport.get_extra_info(name, default=None)`. */
  getExtraInfo(name: string, defaultValue: unknown = null): unknown {
    return name in this._extra ? this._extra[name] : defaultValue;
  }

  /** Closes the pipe: connectionLost(null) in the next iteration. Mirrors `transport.close()`. */
  close(): void {
    if (!this._closing) this._close(null);
  }

  /** @internal `_read_ready`: one read per readiness event; EOF queues eof_received, then connection_lost */
  _onReadReady(): void {
    let data: Uint8Array;
    try {
      data = (this._pipe as PipeReadEnd).read(MAX_SIZE);
    } catch (error) {
      if (error instanceof WouldBlock) return;
      this._fatalError(error);
      return;
    }
    const sel = this._sel as SelectorLoop;
    if (data.length > 0) {
      (this._protocol as PipeProtocol).dataReceived?.(data);
      return;
    }
    // EOF: asyncio queues eof_received, then connection_lost.
    this._closing = true;
    sel.removeReader(this._pipe as PipeReadEnd);
    sel.loop._callSoon(eof_received, 1, this._protocol as PipeProtocol);
    sel.loop._callSoon(_call_connection_lost, 2, this, null);
  }

  private _fatalError(exc: unknown): void {
    if (!(exc instanceof Error && "errno" in exc)) {
      this._sel?.loop._reportException({ message: "Fatal read error on pipe transport", exception: exc });
    }
    this._close(exc);
  }

  private _close(exc: unknown): void {
    this._closing = true;
    const sel = this._sel as SelectorLoop;
    sel.removeReader(this._pipe as PipeReadEnd);
    sel.loop._callSoon(_call_connection_lost, 2, this, exc);
  }

  /** @internal `_call_connection_lost` */
  _callConnectionLost(exc: unknown): void {
    try {
      this._protocol?.connectionLost(exc);
    } finally {
      this._pipe?.close();
      this._pipe = null;
      this._protocol = null;
      this._sel = null;
    }
  }

  /** asyncio's repr: `<_UnixReadPipeTransport fd=7 polling>` */
  toString(): string {
    const pipe = this._pipe;
    if (pipe === null) return "<_UnixReadPipeTransport closed>";
    const state = this._closing ? " closing" : "";
    return `<_UnixReadPipeTransport${state} fd=${pipe.fd} ${pipe._mask !== 0 ? "polling" : "idle"}>`;
  }
}

/**
 * The writing end of a pipe as a transport, with asyncio's flow control
 * (FlowControlTransport: pause above 64 KiB buffered, resume at 16 KiB). Mirrors asyncio's `_UnixWritePipeTransport`.
 * @example proc.stdin // a StreamWriter over one of these
 */
export class WritePipeTransport extends FlowControlTransport {
  /** @internal */ override _sel: SelectorLoop | null;
  /** @internal */ _pipe: PipeWriteEnd | null;
  /** @internal */ override _protocol: PipeProtocol | null;
  /** @internal the bytes the pipe has not taken yet */ _buffer: Uint8Array[] = [];
  /** @internal */ _bufferSize = 0;
  /** @internal */ _connLost = 0;
  /** @internal close() or writeEof() was called */ _closing = false;
  /** @internal */ readonly _extra: Record<string, unknown>;

  /** @internal made by the subprocess transport (asyncio's connect_write_pipe) */
  constructor(sel: SelectorLoop, pipe: PipeWriteEnd, protocol: PipeProtocol, waiter: Future<unknown> | null) {
    super();
    this._sel = sel;
    this._pipe = pipe;
    this._protocol = protocol;
    this._extra = { pipe };
    // (the reader on the write end tells when the read end is closed)
    queueStart(sel, protocol, this, waiter);
  }

  /** @internal the reader the constructor queues: it sees the read end close */
  _addReader(): void {
    (this._sel as SelectorLoop).addReader(this._pipe as PipeWriteEnd, _read_ready, 1, this);
  }

  /** Bytes buffered, not yet taken by the pipe. Mirrors `transport.get_write_buffer_size()`. */
  override getWriteBufferSize(): number {
    return this._bufferSize;
  }

  /** True once closing. Mirrors `transport.is_closing()`. */
  isClosing(): boolean {
    return this._closing;
  }

  /** True: closing the pipe is its EOF. Mirrors `transport.can_write_eof()`. */
  canWriteEof(): boolean {
    return true;
  }

  /** "pipe": the pipe end; `defaultValue` for other names. Mirrors `transport.get_extra_info(name, default=None)`. */
  getExtraInfo(name: string, defaultValue: unknown = null): unknown {
    return name in this._extra ? this._extra[name] : defaultValue;
  }

  /**
   * Writes bytes: the pipe takes what it has room for at once, the rest is
   * buffered and written when it is writable. Mirrors `transport.write(data)`.
   * @throws TypeError if data is not a Uint8Array.
   */
  write(data: Uint8Array): void {
    if (!(data instanceof Uint8Array)) {
      throw new TypeError(`data argument must be a bytes-like object, not '${data === null ? "NoneType" : typeof data}'`);
    }
    if (data.length === 0) return;
    if (this._connLost || this._closing) {
      this._connLost++; // asyncio warns past LOG_THRESHOLD_FOR_CONNLOST_WRITES
      return;
    }
    if (this._bufferSize === 0) {
      let n = 0;
      try {
        n = (this._pipe as PipeWriteEnd).write(data);
      } catch (error) {
        if (!(error instanceof WouldBlock)) {
          this._connLost++;
          this._fatalError(error);
          return;
        }
      }
      if (n === data.length) return;
      data = data.subarray(n);
      (this._sel as SelectorLoop).addWriter(this._pipe as PipeWriteEnd, _write_ready, 1, this);
    }
    this._buffer.push(data);
    this._bufferSize += data.length;
    this._maybePauseProtocol();
  }

  /** Writes each chunk in order. Mirrors `transport.writelines(list_of_data)`. */
  writelines(data: Iterable<Uint8Array>): void {
    for (const chunk of data) this.write(chunk);
  }

  /** Closes the pipe once the buffer is written. Mirrors `transport.write_eof()`. */
  writeEof(): void {
    if (this._closing) return;
    this._closing = true;
    if (this._bufferSize === 0) {
      const sel = this._sel as SelectorLoop;
      sel.removeReader(this._pipe as PipeWriteEnd);
      sel.loop._callSoon(_call_connection_lost, 2, this, null);
    }
  }

  /** Closes the pipe once the buffer is written (its EOF is all a pipe needs). Mirrors `transport.close()`. */
  close(): void {
    if (this._pipe !== null && !this._closing) this.writeEof();
  }

  /** Closes at once, dropping the buffer. Mirrors `transport.abort()`. */
  abort(): void {
    this._close(null);
  }

  /** @internal the read end was closed (epoll's error on the write end) */
  _onReadReady(): void {
    this._close(this._bufferSize > 0 ? new BrokenPipeError() : null);
  }

  /** @internal */
  _onWriteReady(): void {
    const sel = this._sel as SelectorLoop;
    const pipe = this._pipe as PipeWriteEnd;
    let data = this._buffer.length === 1 ? this._buffer[0] : concat(this._buffer, this._bufferSize);
    let n: number;
    try {
      n = pipe.write(data);
    } catch (error) {
      if (error instanceof WouldBlock) return;
      this._buffer = [];
      this._bufferSize = 0;
      this._connLost++;
      sel.removeWriter(pipe);
      this._fatalError(error);
      return;
    }
    if (n === data.length) {
      this._buffer = [];
      this._bufferSize = 0;
      sel.removeWriter(pipe);
      this._maybeResumeProtocol(); // may write more
      if (this._closing) {
        sel.removeReader(pipe);
        this._callConnectionLost(null);
      }
      return;
    }
    data = data.subarray(n);
    this._buffer = [data];
    this._bufferSize = data.length;
  }

  /** `_fatal_error`: an OSError closes quietly; anything else is reported first. */
  private _fatalError(exc: unknown): void {
    if (!(exc instanceof Error && "errno" in exc)) {
      this._sel?.loop._reportException({ message: "Fatal write error on pipe transport", exception: exc });
    }
    this._close(exc);
  }

  private _close(exc: unknown): void {
    if (this._sel === null) return;
    this._closing = true;
    const sel = this._sel;
    const pipe = this._pipe as PipeWriteEnd;
    if (this._bufferSize > 0) sel.removeWriter(pipe);
    this._buffer = [];
    this._bufferSize = 0;
    sel.removeReader(pipe);
    sel.loop._callSoon(_call_connection_lost, 2, this, exc);
  }

  /** @internal `_call_connection_lost` */
  _callConnectionLost(exc: unknown): void {
    if (this._pipe === null) return;
    try {
      this._protocol?.connectionLost(exc);
    } finally {
      this._pipe.close();
      this._pipe = null;
      this._protocol = null;
      this._sel = null;
    }
  }

  /** asyncio's repr: `<_UnixWritePipeTransport fd=8 idle bufsize=0>` */
  override toString(): string {
    const pipe = this._pipe;
    if (pipe === null) return "<_UnixWritePipeTransport closed>";
    const state = this._closing ? " closing" : "";
    return `<_UnixWritePipeTransport${state} fd=${pipe.fd} ${pipe._mask & 2 ? "polling" : "idle"} bufsize=${this._bufferSize}>`;
  }
}

// The pipe transports' callbacks, with asyncio's names: module-level functions
// called with the transport as a handle argument, not closures made per
// transport (see the socket transports' in net/selectorTransport.ts).

interface PipeTransport {
  _addReader(): void;
  _onReadReady(): void;
  _callConnectionLost(exc: unknown): void;
}

/** What both pipe transports' constructors queue, in asyncio's order: connection_made, then the reader, then the waiter's result. */
function queueStart(sel: SelectorLoop, protocol: PipeProtocol, transport: ReadPipeTransport | WritePipeTransport, waiter: Future<unknown> | null): void {
  const loop = sel.loop;
  loop._callSoon(connection_made, 2, protocol, transport);
  loop._callSoon(_add_reader, 1, transport);
  if (waiter !== null) loop._callSoon(setResultUnlessCancelled as (f: unknown) => void, 1, waiter);
}

function connection_made(protocol: PipeProtocol, transport: ReadPipeTransport | WritePipeTransport): void {
  protocol.connectionMade(transport);
}

function _add_reader(transport: PipeTransport): void {
  transport._addReader();
}

function _read_ready(transport: PipeTransport): void {
  transport._onReadReady();
}

function _write_ready(transport: WritePipeTransport): void {
  transport._onWriteReady();
}

function eof_received(protocol: PipeProtocol): void {
  protocol.eofReceived?.();
}

function _call_connection_lost(transport: PipeTransport, exc: unknown): void {
  transport._callConnectionLost(exc);
}

function concat(chunks: Uint8Array[], size: number): Uint8Array {
  const out = new Uint8Array(size);
  let off = 0;
  for (const c of chunks) {
    out.set(c, off);
    off += c.length;
  }
  return out;
}
