/**
 * SocketTransport: asyncio's `_SelectorSocketTransport` (selector_events.py,
 * 3.12) over a simulated socket; reading's pause and `_FlowControlMixin`'s
 * write buffer limits are its base's (SelectorTransport). Iteration-exactness comes from making the same `call_soon`s in the
 * same places: the constructor queues `connection_made`, the reader's
 * registration and the waiter's result (one iteration after the transport
 * is made, the protocol is connected); `close()` queues
 * `_call_connection_lost` (one more iteration); one `recv()` per readiness
 * event, so bytes and the EOF after them are read in two iterations.
 */
import { BrokenPipeError, RuntimeError } from "../errors.js";
import type { Future } from "../futures/future.js";
import type { Address, SimSocket } from "./kernel.js";
import { WouldBlock } from "./kernel.js";
import type { SelectorLoop } from "./selectorLoop.js";
import type { Server } from "./server.js";
import { BufferedProtocol, type Protocol } from "./protocols.js";
import { SelectorTransport, _add_reader, connection_made } from "./selectorTransport.js";

/** The protocols a stream transport serves: a Protocol (or any object with its callbacks) or a BufferedProtocol. */
export type StreamProtocol = Protocol | BufferedProtocol;

/** asyncio.Transport: the type of a TCP transport (vloop has one kind, SocketTransport). */
export type Transport = SocketTransport;

/** selector_events._SelectorTransport.max_size: the size passed to recv(). */
const MAX_SIZE = 256 * 1024;
/** constants.LOG_THRESHOLD_FOR_CONNLOST_WRITES */
const LOG_THRESHOLD_FOR_CONNLOST_WRITES = 5;

function setResultUnlessCancelled(fut: Future<unknown>): void {
  if (fut.cancelled()) return;
  fut.setResult(undefined);
}

/** Which read callback a transport runs (see SocketTransport._readMode). */
type ReadMode = 0 | 1 | 2;
const READ_NONE = 0;
const READ_DATA = 1;
const READ_BUFFER = 2;

/** set_protocol's choice of read callback: recv_into a BufferedProtocol's buffer, or recv. */
function readModeFor(protocol: StreamProtocol): ReadMode {
  return protocol instanceof BufferedProtocol ? READ_BUFFER : READ_DATA;
}

/** The write callback of a socket transport (see the callbacks in selectorTransport.ts). */
function _write_ready(transport: SocketTransport): void {
  transport._writeReady();
}

/**
 * A TCP transport. Mirrors asyncio's socket transport (`_SelectorSocketTransport`).
 * @example const peer = writer.transport.getExtraInfo("peername");
 */
export class SocketTransport extends SelectorTransport {
  /** @internal */ override _sock: SimSocket | null;
  /** @internal */ override _protocol: StreamProtocol | null;
  /** @internal */ override _sel: SelectorLoop | null;
  /** @internal */ readonly _extra: Record<string, unknown>;
  /** @internal */ _server: Server | null;
  /** @internal a write after the connection was lost has been reported (see write) */ _droppedWrite = false;
  /** @internal the loop (kept after close, which forgets the selector) */ readonly _loop: SelectorLoop["loop"];
  /** @internal the bytes the kernel has not taken yet */ readonly _buffer: Uint8Array[] = [];
  /** @internal write_eof() was called */ _eof = false;
  /**
   * The read callback set_protocol chose: recv into data_received, recv_into
   * a BufferedProtocol's buffer, or none once closing. (A mode, not a
   * closure per transport: see SelectorIo in selectorLoop.ts.)
   */
  private _readMode: ReadMode;
  /** writes are flushed when the socket is writable (false once closing) */
  private _writeOn = true;

  /** @internal made by the loop (createConnection, the server's accept); queues connection_made. */
  constructor(sel: SelectorLoop, sock: SimSocket, protocol: StreamProtocol, waiter: Future<unknown> | null, peername?: Address, server: Server | null = null) {
    super();
    this._sel = sel;
    this._loop = sel.loop;
    this._sock = sock;
    this._protocol = protocol;
    // the accepted side is told its peer; the connecting side asks getpeername(), None if not connected
    this._extra = { peername: peername ?? sock._peernameOrNull(), socket: sock, sockname: sock.getsockname() };
    this._server = server;
    if (server !== null) server._attach();
    this._readMode = readModeFor(protocol);
    // Ordering: asyncio's constructor queues these three, in this order.
    const loop = sel.loop;
    sel.callSoonOnHost(sock, connection_made, 2, protocol, this);
    loop._callSoon(_add_reader, 1, this);
    if (waiter !== null) loop._callSoon(setResultUnlessCancelled as (f: unknown) => void, 1, waiter);
  }

  /**
   * The protocol (null once the connection is lost). Mirrors `transport.get_protocol()`.
   * @example const proto = transport.getProtocol();
   */
  getProtocol(): StreamProtocol | null {
    return this._protocol;
  }

  /**
   * Hands the connection to another protocol: the later callbacks go to it
   * (a BufferedProtocol is read through its getBuffer). Mirrors `transport.set_protocol(protocol)`.
   * @throws TypeError if protocol is not an object.
   * @example transport.setProtocol(new Second(transport));
   */
  setProtocol(protocol: StreamProtocol): void {
    if (protocol === null || typeof protocol !== "object") throw new TypeError(`setProtocol: protocol must be a protocol object (got ${protocol === null ? "null" : typeof protocol})`);
    this._protocol = protocol;
    if (this._readMode !== READ_NONE) this._readMode = readModeFor(protocol);
  }

  /**
   * Closes the transport once its buffer is flushed: the protocol's
   * connectionLost(null) runs in the next iteration. Mirrors `transport.close()`.
   * @example writer.transport.close();
   */
  override close(): void {
    this._readMode = READ_NONE;
    this._writeOn = false;
    super.close();
  }

  /**
   * Closes at once, dropping buffered bytes; connectionLost(null) runs in the
   * next iteration. With bytes it has not read, the peer sees a reset. Mirrors `transport.abort()`.
   * @example transport.abort();
   */
  abort(): void {
    this._forceClose(null);
  }

  /**
   * Sends `data` (the kernel takes it at once; what it does not take is
   * buffered and sent when the socket is writable). Mirrors `transport.write(data)`.
   * @throws TypeError if data is not bytes (a Uint8Array); RuntimeError after writeEof().
   * @example transport.write(new TextEncoder().encode("ping"));
   */
  write(data: Uint8Array): void {
    if (!(data instanceof Uint8Array)) {
      throw new TypeError(`data argument must be a bytes-like object, not '${data === null ? "NoneType" : typeof data}'`);
    }
    if (this._eof) throw new RuntimeError("Cannot call write() after write_eof()");
    if (data.length === 0) return;
    if (this._connLost) {
      // asyncio drops the bytes and says nothing until the 5th such write
      // (LOG_THRESHOLD_FOR_CONNLOST_WRITES), then logs a bare warning. The
      // program's output stays CPython's; vloop names the mistake at once,
      // through the loop's exception handler (loop.unhandled), once per transport.
      if (!this._droppedWrite) {
        this._droppedWrite = true;
        const task = this._loop._currentTask?.getName();
        this._loop._reportException({
          message:
            `write() after the connection was closed or lost: ${data.length} bytes dropped` +
            `${task ? ` (task ${task})` : ""}; asyncio drops them too, and logs "socket.send() raised exception." ` +
            `from the ${LOG_THRESHOLD_FOR_CONNLOST_WRITES}th such write`,
          exception: new BrokenPipeError(32, "write after close"),
        });
      }
      this._connLost++;
      return;
    }
    if (this._buffer.length === 0) {
      let n = 0;
      try {
        n = (this._sock as SimSocket).send(data);
      } catch (error) {
        if (!(error instanceof WouldBlock)) {
          this._fatalError(error);
          return;
        }
      }
      if (n === data.length) return; // all taken (no subarray: a typed array per write costs)
      data = data.subarray(n);
      this._addWriter();
    }
    this._buffer.push(data);
    this._maybePauseProtocol();
  }

  /**
   * Writes each chunk in order. Mirrors `transport.writelines(list_of_data)`.
   * @throws RuntimeError after writeEof(); TypeError for an item that is not a Uint8Array.
   * @example transport.writelines([b("GET / HTTP/1.0\r\n"), b("\r\n")]);
   */
  writelines(listOfData: Iterable<Uint8Array>): void {
    if (this._eof) throw new RuntimeError("Cannot call writelines() after write_eof()");
    const chunks = [...listOfData];
    for (const chunk of chunks) {
      if (!(chunk instanceof Uint8Array)) throw new TypeError(`writelines: each item must be bytes (a Uint8Array) (got ${chunk === null ? "null" : typeof chunk})`);
    }
    if (chunks.length === 0) return;
    this._buffer.push(...chunks);
    this._writeSendmsg();
    if (this._buffer.length > 0) this._addWriter();
  }

  /**
   * Closes the sending half once the buffer is flushed (a FIN); reading goes on. Mirrors `transport.write_eof()`.
   * @example transport.write(b("last")); transport.writeEof();
   */
  writeEof(): void {
    if (this._closing || this._eof) return;
    this._eof = true;
    if (this._buffer.length === 0) (this._sock as SimSocket).shutdownWrite();
  }

  /**
   * True: TCP can half-close. Mirrors `transport.can_write_eof()`.
   * @example if (transport.canWriteEof()) transport.writeEof();
   */
  canWriteEof(): boolean {
    return true;
  }

  /**
   * Bytes buffered, not yet taken by the kernel. Mirrors `transport.get_write_buffer_size()`.
   * @example transport.getWriteBufferSize(); // 0 when the kernel took everything
   */
  override getWriteBufferSize(): number {
    let n = 0;
    for (const b of this._buffer) n += b.length;
    return n;
  }

  /** `_read_ready`: the read callback set_protocol chose (none once closing). */
  /** @internal */
  override _readReady(): void {
    const mode = this._readMode;
    if (mode === READ_DATA) this._readReadyDataReceived();
    else if (mode === READ_BUFFER) this._readReadyGetBuffer(this._protocol as BufferedProtocol);
  }

  /** @internal the write callback's work (`_write_ready`) */
  _writeReady(): void {
    if (this._writeOn) this._writeSendmsg();
  }

  private _addWriter(): void {
    (this._sel as SelectorLoop).addWriter(this._sock as SimSocket, _write_ready, 1, this);
  }

  /** `_read_ready__data_received`: one recv() per readiness event. */
  private _readReadyDataReceived(): void {
    if (this._connLost) return;
    let data: Uint8Array;
    try {
      data = (this._sock as SimSocket).recv(MAX_SIZE);
    } catch (error) {
      if (error instanceof WouldBlock) return;
      this._fatalError(error);
      return;
    }
    if (data.length === 0) {
      this._readReadyOnEof();
      return;
    }
    try {
      (this._protocol as Protocol).dataReceived(data);
    } catch (error) {
      this._fatalError(error, "Fatal error: protocol.data_received() call failed.");
    }
  }

  /** `_read_ready__get_buffer`: one recv_into() of the protocol's buffer per readiness event. */
  private _readReadyGetBuffer(protocol: BufferedProtocol): void {
    if (this._connLost) return;
    let buf: Uint8Array;
    try {
      buf = protocol.getBuffer(-1);
      if (!(buf instanceof Uint8Array)) throw new TypeError(`getBuffer() must return a Uint8Array (got ${buf === null ? "null" : typeof buf})`);
      if (buf.length === 0) throw new RuntimeError("get_buffer() returned an empty buffer");
    } catch (error) {
      this._fatalError(error, "Fatal error: protocol.get_buffer() call failed.");
      return;
    }
    let data: Uint8Array;
    try {
      data = (this._sock as SimSocket).recv(buf.length);
    } catch (error) {
      if (error instanceof WouldBlock) return;
      this._fatalError(error, "Fatal read error on socket transport");
      return;
    }
    if (data.length === 0) {
      this._readReadyOnEof();
      return;
    }
    buf.set(data);
    try {
      protocol.bufferUpdated(data.length);
    } catch (error) {
      this._fatalError(error, "Fatal error: protocol.buffer_updated() call failed.");
    }
  }

  private _readReadyOnEof(): void {
    let keepOpen: unknown;
    try {
      keepOpen = (this._protocol as Protocol).eofReceived();
    } catch (error) {
      this._fatalError(error, "Fatal error: protocol.eof_received() call failed.");
      return;
    }
    if (keepOpen) (this._sel as SelectorLoop).removeReader(this._sock as SimSocket);
    else this.close();
  }

  /**
   * `_write_sendmsg`: send what is buffered in one sendmsg() (so a reset is
   * seen once, not chunk by chunk); when empty, finish a pending close or
   * write_eof.
   */
  private _writeSendmsg(): void {
    if (this._connLost) return;
    const sel = this._sel as SelectorLoop;
    const sock = this._sock as SimSocket;
    try {
      let n = sock.sendmsg(this._buffer);
      // _adjust_leftover_buffer: drop what was sent (empty chunks with it; asyncio would keep a
      // trailing empty one for ever and spin), keep the rest of a chunk sent in part
      while (this._buffer.length > 0 && n >= this._buffer[0].length) {
        n -= this._buffer[0].length;
        this._buffer.shift();
      }
      if (n > 0) this._buffer[0] = this._buffer[0].subarray(n);
    } catch (error) {
      if (!(error instanceof WouldBlock)) {
        sel.removeWriter(sock);
        this._buffer.length = 0;
        this._fatalError(error);
      }
      return;
    }
    this._maybeResumeProtocol();
    if (this._buffer.length === 0) {
      sel.removeWriter(sock);
      if (this._closing) this._callConnectionLost(null);
      else if (this._eof) sock.shutdownWrite();
    }
  }

  /** `_fatal_error`: an OSError closes quietly; anything else is reported to the loop first. */
  private _fatalError(exc: unknown, message = "Fatal error on transport"): void {
    if (!(exc instanceof Error && "errno" in exc)) {
      this._sel?.loop._reportException({ message, exception: exc });
    }
    this._forceClose(exc);
  }

  /** @internal */
  protected override _dropBuffer(): void {
    this._buffer.length = 0;
  }

  /** @internal `_call_connection_lost`, then detach from the server (even if the protocol's callback raised). */
  override _callConnectionLost(exc: unknown): void {
    try {
      super._callConnectionLost(exc);
    } finally {
      const server = this._server;
      if (server !== null) {
        server._detach();
        this._server = null;
      }
    }
  }

  /** @internal the local address */
  get _sockname(): Address {
    return this._extra.sockname as Address;
  }
}
