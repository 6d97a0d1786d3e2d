/**
 * Protocols: the callback classes a transport calls (asyncio's protocols.py,
 * 3.12). Users extend one and override the callbacks they need; every
 * default does nothing, as asyncio's, except `eofReceived`, whose undefined
 * return value tells the transport to close itself.
 *
 * Which callback runs in which loop iteration is the transport's business
 * (transport.ts, datagram.ts); these classes only hold the defaults.
 */
import type { Address } from "./kernel.js";
import type { DatagramTransport } from "./datagram.js";
import type { SocketTransport } from "./transport.js";

/** What every transport offers its protocol (asyncio.BaseTransport). */
export interface BaseTransport {
  /** Closes the transport; the protocol's connectionLost(null) follows in a later iteration. */
  close(): void;
  /** True once the transport is closing or closed. */
  isClosing(): boolean;
  /** "peername", "sockname", "socket", or `defaultValue`. */
  getExtraInfo(name: string, defaultValue?: unknown): unknown;
  /** The current protocol. */
  getProtocol(): unknown;
  /** Replaces the protocol that receives the later callbacks. */
  setProtocol(protocol: never): void;
}

/**
 * The callbacks every protocol has: connection made and lost, and write flow
 * control. Mirrors `asyncio.BaseProtocol`.
 * @example
 * class Watcher extends BaseProtocol {
 *   override connectionLost(exc: Error | null) { log("lost", exc); }
 * }
 */
export class BaseProtocol {
  /**
   * The connection is made: keep `transport` to write to it. Runs one loop
   * iteration after the transport is made. Mirrors `BaseProtocol.connection_made(transport)`.
   * @example override connectionMade(transport: Transport) { this.transport = transport; }
   */
  connectionMade(transport: BaseTransport): void {
    void transport;
  }

  /**
   * The connection is lost or closed: `exc` is null for a clean close or an
   * EOF, else the error (ConnectionResetError when the peer reset it).
   * Mirrors `BaseProtocol.connection_lost(exc)`.
   * @example override connectionLost(exc: Error | null) { this.done.setResult(exc); }
   */
  connectionLost(exc: Error | null): void {
    void exc;
  }

  /**
   * The transport's write buffer went over its high mark: stop writing until
   * resumeWriting(). Called inside the write() that crossed the mark.
   * Mirrors `BaseProtocol.pause_writing()`.
   * @example override pauseWriting() { this.paused = true; }
   */
  pauseWriting(): void {}

  /**
   * The write buffer drained to its low mark or below: writing may go on.
   * Mirrors `BaseProtocol.resume_writing()`.
   * @example override resumeWriting() { this.paused = false; }
   */
  resumeWriting(): void {}
}

/**
 * A stream protocol (TCP): extend it and override the callbacks you need.
 * Mirrors `asyncio.Protocol`.
 * @example
 * class Echo extends Protocol {
 *   transport: Transport | null = null;
 *   override connectionMade(transport: Transport) { this.transport = transport; }
 *   override dataReceived(data: Uint8Array) { this.transport?.write(data); }
 * }
 * const server = yield* getRunningLoop().createServer(() => new Echo(), "127.0.0.1", 0);
 */
export class Protocol extends BaseProtocol {
  /**
   * The connection is made (a TCP transport). Mirrors `Protocol.connection_made(transport)`.
   * @example override connectionMade(transport: Transport) { transport.write(b("hello")); }
   */
  override connectionMade(transport: SocketTransport): void {
    void transport;
  }

  /**
   * Bytes arrived: one call per recv(), so one write of the peer may come in
   * several calls and several writes in one. Mirrors `Protocol.data_received(data)`.
   * @example override dataReceived(data: Uint8Array) { this.received.push(data); }
   */
  dataReceived(data: Uint8Array): void {
    void data;
  }

  /**
   * The peer sent its EOF (it will write no more). Return true to keep the
   * transport open (you can still write, then close() it); anything else
   * closes it. Mirrors `Protocol.eof_received()`.
   * @example override eofReceived() { this.transport?.write(b("bye")); this.transport?.close(); return true; }
   */
  eofReceived(): boolean | undefined | void {
    return undefined;
  }
}

/**
 * A stream protocol that receives into its own buffer: the transport asks
 * getBuffer(-1) for room, reads into it, then calls bufferUpdated(n).
 * Mirrors `asyncio.BufferedProtocol`.
 * @example
 * class Sink extends BufferedProtocol {
 *   buf = new Uint8Array(1024);
 *   getBuffer(sizehint: number) { return this.buf; }
 *   bufferUpdated(nbytes: number) { log("got", this.buf.subarray(0, nbytes)); }
 * }
 */
export abstract class BufferedProtocol extends BaseProtocol {
  /**
   * The connection is made (a TCP transport). Mirrors `BufferedProtocol.connection_made(transport)`.
   * @example override connectionMade(transport: Transport) { this.transport = transport; }
   */
  override connectionMade(transport: SocketTransport): void {
    void transport;
  }

  /**
   * The buffer to receive into (`sizehint` is -1: any size will do); an
   * empty one is a fatal error of the transport. Mirrors `BufferedProtocol.get_buffer(sizehint)`.
   * @example getBuffer(sizehint: number) { return this.buf; }
   */
  abstract getBuffer(sizehint: number): Uint8Array;

  /**
   * `nbytes` bytes were written at the start of the buffer getBuffer() returned.
   * Mirrors `BufferedProtocol.buffer_updated(nbytes)`.
   * @example bufferUpdated(nbytes: number) { this.total += nbytes; }
   */
  abstract bufferUpdated(nbytes: number): void;

  /**
   * The peer sent its EOF; as Protocol.eofReceived (true keeps the transport open).
   * Mirrors `BufferedProtocol.eof_received()`.
   * @example override eofReceived() { log("eof"); }
   */
  eofReceived(): boolean | undefined | void {
    return undefined;
  }
}

/**
 * A datagram (UDP) protocol: extend it and override the callbacks you need.
 * Mirrors `asyncio.DatagramProtocol`.
 * @example
 * class EchoServer extends DatagramProtocol {
 *   transport: DatagramTransport | null = null;
 *   override connectionMade(transport: DatagramTransport) { this.transport = transport; }
 *   override datagramReceived(data: Uint8Array, addr: Address) { this.transport?.sendto(data, addr); }
 * }
 */
export class DatagramProtocol extends BaseProtocol {
  /**
   * The endpoint is ready (a datagram transport). Mirrors `DatagramProtocol.connection_made(transport)`.
   * @example override connectionMade(transport: DatagramTransport) { this.transport = transport; }
   */
  override connectionMade(transport: DatagramTransport): void {
    void transport;
  }

  /**
   * One datagram arrived from `addr` (host, port): one call per datagram, one
   * datagram per loop iteration. Mirrors `DatagramProtocol.datagram_received(data, addr)`.
   * @example override datagramReceived(data: Uint8Array, addr: Address) { log("from", addr[1], data); }
   */
  datagramReceived(data: Uint8Array, addr: Address): void {
    void data;
    void addr;
  }

  /**
   * A send or receive failed; the endpoint stays open. On Linux a connected
   * endpoint whose datagram reached a port where nothing listens gets
   * ConnectionRefusedError here. Mirrors `DatagramProtocol.error_received(exc)`.
   * @example override errorReceived(exc: Error) { log("error", exc); }
   */
  errorReceived(exc: Error): void {
    void exc;
  }
}
