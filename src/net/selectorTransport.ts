/**
 * SelectorTransport: what asyncio's `_SelectorTransport` (selector_events.py,
 * 3.12) gives both of its transports, the socket (SocketTransport) and the
 * datagram one (DatagramTransport): its extra information, closing,
 * reading's pause and resume, on top of the write flow control of
 * `_FlowControlMixin` (FlowControlTransport).
 */
import { FlowControlTransport } from "./flowControl.js";
import type { Pollable, SimSocket } from "./kernel.js";
import type { SelectorLoop } from "./selectorLoop.js";

/**
 * A transport over a selector-polled socket: pauses and resumes reading by
 * removing and adding its reader. Mirrors asyncio's `selector_events._SelectorTransport`.
 * @example transport.pauseReading(); transport.isReading(); // false
 */
export abstract class SelectorTransport extends FlowControlTransport {
  /** @internal the socket (null once the connection is lost) */
  abstract _sock: Pollable | null;
  /** @internal close() or abort() was called, or the connection was lost */ _closing = false;
  /** @internal pause_reading() was called */ _paused = false;
  /** @internal what getExtraInfo answers: "socket", "sockname", "peername" */
  abstract readonly _extra: Record<string, unknown>;
  /** @internal what is not sent yet (bytes for a stream, datagrams for an endpoint) */
  abstract readonly _buffer: unknown[];
  /** @internal set when the call to connection_lost is scheduled */ _connLost = 0;

  /** @internal the read callback's work (`_read_ready`): the socket is readable (one read per readiness event) */
  abstract _readReady(): void;

  /** @internal `_call_connection_lost`: tell the protocol, close the socket, let go of both and of the selector. */
  _callConnectionLost(exc: unknown): void {
    try {
      (this._protocol as { connectionLost(exc: Error | null): void } | null)?.connectionLost(exc as Error | null);
    } finally {
      (this._sock as SimSocket).close();
      this._sock = null;
      this._protocol = null;
      this._sel = null;
    }
  }

  /** @internal `_force_close` drops what is not sent yet */
  protected abstract _dropBuffer(): void;

  /**
   * Closes once everything buffered is sent: the protocol's
   * connectionLost(null) runs in the next iteration. Mirrors `transport.close()`.
   * @example transport.close(); transport.isClosing(); // true
   */
  close(): void {
    if (this._closing) return;
    this._closing = true;
    const sel = this._sel as SelectorLoop;
    const sock = this._sock as Pollable;
    sel.removeReader(sock);
    if (this._buffer.length === 0) {
      this._connLost++;
      sel.removeWriter(sock);
      sel.callSoonOnHost(sock, _call_connection_lost, 2, this, null);
    }
  }

  /** @internal `_force_close`: drop the buffer, stop reading, and queue connection_lost(exc). */
  _forceClose(exc: unknown): void {
    if (this._connLost) return;
    const sel = this._sel as SelectorLoop;
    const sock = this._sock as Pollable;
    if (this._buffer.length > 0) {
      this._dropBuffer();
      sel.removeWriter(sock);
    }
    if (!this._closing) {
      this._closing = true;
      sel.removeReader(sock);
    }
    this._connLost++;
    sel.callSoonOnHost(sock, _call_connection_lost, 2, this, exc);
  }

  /**
   * Extra information: "sockname" and "peername" are (host, port) pairs
   * (peername null for an unconnected datagram endpoint), "socket" the
   * socket; any other name gives `defaultValue`. Mirrors `transport.get_extra_info(name, default=None)`.
   * @example transport.getExtraInfo("peername"); // ["127.0.0.1", 40001]
   */
  getExtraInfo(name: string, defaultValue: unknown = null): unknown {
    return name in this._extra ? this._extra[name] : defaultValue;
  }

  /**
   * True once close() or abort() was called, or the connection was lost. Mirrors `transport.is_closing()`.
   * @example if (!transport.isClosing()) transport.write(b("more"));
   */
  isClosing(): boolean {
    return this._closing;
  }

  /**
   * True while the transport receives (not paused, not closing). Mirrors `transport.is_reading()`.
   * @example transport.pauseReading(); transport.isReading(); // false
   */
  isReading(): boolean {
    return !this._closing && !this._paused;
  }

  /**
   * Stops receiving until resumeReading(): what the peer sends waits in the
   * kernel (for a stream, once its buffer is full, the peer's writes buffer).
   * Pausing twice does nothing. Mirrors `transport.pause_reading()`.
   * @example transport.pauseReading();
   */
  pauseReading(): void {
    if (!this.isReading()) return;
    this._paused = true;
    (this._sel as SelectorLoop).removeReader(this._sock as Pollable);
  }

  /**
   * Receives again: what waited is read from the next iteration on, one read
   * per iteration. Mirrors `transport.resume_reading()`.
   * @example getRunningLoop().callLater(1, () => transport.resumeReading());
   */
  resumeReading(): void {
    if (this._closing || !this._paused) return;
    this._paused = false;
    this._addReader();
  }

  /** @internal asyncio's `_add_reader` of the transport: only while reading. */
  _addReader(): void {
    if (!this.isReading()) return;
    (this._sel as SelectorLoop).addReader(this._sock as Pollable, _read_ready, 1, this);
  }
}

// The transports' callbacks: module-level functions called with the transport
// (and what else they need) as handle arguments, not closures made per
// transport (a closure that reaches the loop and lives as long as a connection
// kept explored runs alive: see SelectorIo in selectorLoop.ts); their names are
// asyncio's, as traces show them.

/** The read callback of a transport's socket. */
function _read_ready(transport: SelectorTransport): void {
  transport._readReady();
}

/** @internal queued by a transport's constructor */
export function connection_made(protocol: { connectionMade(transport: never): void }, transport: SelectorTransport): void {
  protocol.connectionMade(transport as never);
}

/** @internal queued by a transport's constructor */
export function _add_reader(transport: SelectorTransport): void {
  transport._addReader();
}

/** @internal queued by close() and the forced close */
export function _call_connection_lost(transport: SelectorTransport, exc: unknown): void {
  transport._callConnectionLost(exc);
}
