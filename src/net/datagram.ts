/**
 * Datagram endpoints: asyncio's `_SelectorDatagramTransport`
 * (selector_events.py, 3.12) and `loop.create_datagram_endpoint`
 * (base_events.py) over the simulated UDP sockets of udp.ts.
 *
 * Iterations as CPython's on loopback: making the endpoint takes 2 (the
 * transport queues connection_made, the reader's registration and the
 * waiter's result; the task resumes one iteration later), and each readiness
 * event reads one datagram, so two waiting datagrams take two iterations.
 */
import { RuntimeError, ValueError } from "../errors.js";
import { type CoroutineObject, GenCoroutine } from "../futures/coroutine.js";
import type { EventLoop } from "../futures/eventLoop.js";
import type { Future } from "../futures/future.js";
import { requireLoop } from "../loop/running.js";
import { type Address, WouldBlock } from "./kernel.js";
import type { DatagramProtocol } from "./protocols.js";
import { SelectorLoop } from "./selectorLoop.js";
import { SelectorTransport, _add_reader, connection_made } from "./selectorTransport.js";
import { checkPort, resolve } from "./server.js";
import { Socket } from "./sockApi.js";
import { UdpSocket } from "./udp.js";
import { checkOptionNames } from "../util/args.js";

/** selector_events._SelectorTransport.max_size: the size passed to recvfrom(). */
const MAX_SIZE = 256 * 1024;
/** constants.LOG_THRESHOLD_FOR_CONNLOST_WRITES */
const LOG_THRESHOLD_FOR_CONNLOST_WRITES = 5;

/** Python's repr of an address tuple: ('127.0.0.1', 9999) */
function _set_result_unless_cancelled(fut: Future<unknown>): void {
  if (!fut.cancelled()) fut.setResult(undefined);
}

function reprAddress(addr: Address): string {
  return `('${addr[0]}', ${addr[1]})`;
}

function sameAddress(a: Address, b: Address): boolean {
  return a[0] === b[0] && a[1] === b[1];
}

/**
 * A datagram (UDP) transport; reading's pause and the write buffer limits are
 * its base's (SelectorTransport), as in asyncio. sendto() does not pause the
 * protocol yet: on the simulated network the socket always takes the datagram.
 * Mirrors asyncio's datagram transport (`_SelectorDatagramTransport`).
 * @example
 * const [transport] = yield* loop.createDatagramEndpoint(() => new DatagramProtocol(), { remoteAddr: ["127.0.0.1", port] });
 * transport.sendto(b("ping"));
 */
export class DatagramTransport extends SelectorTransport {
  /** @internal */ override _sock: UdpSocket | null;
  /** @internal */ override _protocol: DatagramProtocol | null;
  /** @internal */ override _sel: SelectorLoop | null;
  /** @internal */ readonly _extra: Record<string, unknown>;
  /** @internal connect()'s address, or null for an unconnected endpoint */ readonly _address: Address | null;
  /** @internal datagrams the socket did not take yet (never, on the perfect network) */ readonly _buffer: [Uint8Array, Address | null][] = [];
  /** @internal */ _bufferSize = 0;

  /** @internal made by createDatagramEndpoint; queues connection_made, the reader and the waiter's result. */
  constructor(sel: SelectorLoop, sock: UdpSocket, protocol: DatagramProtocol, address: Address | null, waiter: Future<unknown> | null) {
    super();
    this._sel = sel;
    this._sock = sock;
    this._protocol = protocol;
    this._address = address;
    let peername: Address | null = null;
    try {
      peername = sock.getpeername();
    } catch {
      peername = null;
    }
    this._extra = { socket: sock, sockname: sock.getsockname(), peername };
    const loop = sel.loop;
    // Ordering: asyncio's constructor queues these three, in this order (the
    // protocol's callback as one of the socket's host's, as a stream transport's).
    sel.callSoonOnHost(sock, connection_made, 2, protocol, this);
    loop._callSoon(_add_reader, 1, this);
    if (waiter !== null) loop._callSoon(_set_result_unless_cancelled, 1, waiter);
  }

  /**
   * The protocol (null once closed). Mirrors `transport.get_protocol()`.
   * @example const proto = transport.getProtocol();
   */
  getProtocol(): DatagramProtocol | null {
    return this._protocol;
  }

  /**
   * Hands the endpoint to another protocol. Mirrors `transport.set_protocol(protocol)`.
   * @throws TypeError if protocol is not an object.
   * @example transport.setProtocol(new Other());
   */
  setProtocol(protocol: DatagramProtocol): void {
    if (protocol === null || typeof protocol !== "object") throw new TypeError(`setProtocol: protocol must be a protocol object (got ${protocol === null ? "null" : typeof protocol})`);
    this._protocol = protocol;
  }

  /**
   * Bytes waiting to be sent (always 0 on the perfect network). Mirrors `transport.get_write_buffer_size()`.
   * @example transport.getWriteBufferSize(); // 0
   */
  override getWriteBufferSize(): number {
    return this._bufferSize;
  }

  /**
   * Sends one datagram to `addr`, or to the connected address when the
   * endpoint has one (then `addr` must be omitted or equal to it). An error
   * from the network goes to the protocol's errorReceived. Empty data sends
   * nothing; after close() a connected endpoint drops it.
   * Mirrors `transport.sendto(data, addr=None)`.
   * @throws TypeError if data is not a Uint8Array or addr is missing on an
   *   unconnected endpoint; ValueError for another address on a connected
   *   one; RuntimeError on an unconnected endpoint once it is closed.
   * @example transport.sendto(b("ping"), ["127.0.0.1", port]);
   */
  sendto(data: Uint8Array, addr: Address | null = null): void {
    if (!(data instanceof Uint8Array)) {
      throw new TypeError(`data argument must be a bytes-like object, not '${data === null ? "NoneType" : typeof data === "string" ? "str" : typeof data}'`);
    }
    if (data.length === 0) return;
    if (this._address !== null) {
      if (addr !== null && addr !== undefined && !sameAddress(addr, this._address)) {
        throw new ValueError(`Invalid address: must be None or ${reprAddress(this._address)}`);
      }
      addr = this._address;
    }
    if (this._connLost && this._address !== null) {
      this._connLost++; // asyncio logs a warning past LOG_THRESHOLD_FOR_CONNLOST_WRITES
      void LOG_THRESHOLD_FOR_CONNLOST_WRITES;
      return;
    }
    const sock = this._sock;
    if (sock === null) throw new RuntimeError("sendto: the datagram transport is closed (its connection_lost has run)");
    // A socket connected before it was given (`sock`) has a peer but no _address: asyncio sends to the peer.
    const connected = this._extra.peername !== null;
    if (!connected) {
      if (addr === null || addr === undefined) throw new TypeError("sendto: an unconnected endpoint needs the address to send to (got none)");
      if (!Array.isArray(addr) || addr.length !== 2) throw new TypeError(`sendto: addr must be a (host, port) pair (got ${String(addr)})`);
      checkPort("sendto", addr[1]);
      addr = [resolve(addr[0], "sendto"), addr[1]];
    }
    if (this._buffer.length === 0) {
      try {
        if (connected) sock.send(data);
        else sock.sendto(data, addr as Address);
        return;
      } catch (error) {
        if (!(error instanceof WouldBlock)) {
          this._protocol?.errorReceived(error as Error);
          return;
        }
      }
    }
    this._buffer.push([data.slice(), addr]);
    this._bufferSize += data.length;
  }

  /**
   * Closes at once, dropping unsent datagrams. Mirrors `transport.abort()`.
   * @example transport.abort();
   */
  abort(): void {
    this._forceClose(null);
  }

  /** `_read_ready`: one recvfrom() per readiness event; an OSError goes to error_received. */
  /** @internal */
  override _readReady(): void {
    if (this._connLost) return;
    let got: [Uint8Array, Address];
    try {
      got = (this._sock as UdpSocket).recvfrom(MAX_SIZE);
    } catch (error) {
      if (error instanceof WouldBlock) return;
      if (error instanceof Error && "errno" in error) {
        (this._protocol as DatagramProtocol).errorReceived(error);
        return;
      }
      this._fatalError(error, "Fatal read error on datagram transport");
      return;
    }
    (this._protocol as DatagramProtocol).datagramReceived(got[0], got[1]);
  }

  private _fatalError(exc: unknown, message: string): void {
    this._sel?.loop._reportException({ message, exception: exc });
    this._forceClose(exc);
  }

  /** @internal */
  protected override _dropBuffer(): void {
    this._buffer.length = 0;
    this._bufferSize = 0;
  }

  /** asyncio's repr */
  override toString(): string {
    return `<_SelectorDatagramTransport fd=${this._sock === null ? "closed" : this._sock.fd}>`;
  }
}

/** The options of createDatagramEndpoint (asyncio's keyword arguments). */
export interface DatagramEndpointOptions {
  /** bind to this (host, port); port 0 picks a free one */
  localAddr?: Address | null;
  /** connect to this (host, port): the endpoint's only destination and source */
  remoteAddr?: Address | null;
  /** an existing UDP socket (from socket({ type: "SOCK_DGRAM" })) instead of the two above */
  sock?: Socket | null;
}

function checkAddress(what: string, addr: unknown): Address {
  if (!Array.isArray(addr) || addr.length !== 2) throw new TypeError(`createDatagramEndpoint: ${what} must be a (host, port) pair: 2-tuple is expected (got ${JSON.stringify(addr)})`);
  return [resolve(addr[0] as string, `createDatagramEndpoint ${what}`), checkPort(`createDatagramEndpoint ${what}`, addr[1])];
}

/**
 * Makes a datagram endpoint: a UDP socket bound to `localAddr` and/or
 * connected to `remoteAddr`, its transport, and `protocolFactory()`'s
 * protocol. Returns [transport, protocol] two loop iterations later, once
 * connectionMade has run.
 * Mirrors `loop.create_datagram_endpoint(protocol_factory, local_addr=None, remote_addr=None, sock=None)`.
 * @throws TypeError if protocolFactory is not a function, an address is not a
 *   (host, port) pair or an option is not localAddr, remoteAddr or sock; ValueError with neither address ("unexpected address
 *   family") or with sock and an address; OSError 98 if localAddr's port is taken;
 *   gaierror for an unknown host.
 * @example
 * const [server] = yield* createDatagramEndpoint(() => new EchoServer(), { localAddr: ["127.0.0.1", 0] });
 * const addr = server.getExtraInfo("sockname") as Address;
 * const [client] = yield* createDatagramEndpoint(() => new DatagramProtocol(), { remoteAddr: addr });
 */
export function createDatagramEndpoint<P extends DatagramProtocol>(protocolFactory: () => P, options: DatagramEndpointOptions = {}): CoroutineObject<[DatagramTransport, P]> {
  const loop = requireLoop("createDatagramEndpoint()") as EventLoop;
  if (typeof protocolFactory !== "function") throw new TypeError(`createDatagramEndpoint: protocolFactory must be a function that returns a protocol (got ${protocolFactory === null ? "null" : typeof protocolFactory})`);
  if (options === null || typeof options !== "object") throw new TypeError(`createDatagramEndpoint: options must be an object (got ${String(options)})`);
  checkOptionNames("createDatagramEndpoint", options, ["localAddr", "remoteAddr", "sock"]);
  return new GenCoroutine(() => createDatagramEndpointBody(loop, protocolFactory, options), "create_datagram_endpoint()");
}

/** The body of createDatagramEndpoint, at module level, not made per call (see createConnectionBody in server.ts). */
function* createDatagramEndpointBody<P extends DatagramProtocol>(loop: EventLoop, protocolFactory: () => P, options: DatagramEndpointOptions): Generator<unknown, [DatagramTransport, P], unknown> {
  const sel = SelectorLoop.of(loop);
  let sock: UdpSocket;
  let remote: Address | null = null;
  const given = options.sock ?? null;
  if (given !== null) {
    if (!(given instanceof Socket) || !(given._sim instanceof UdpSocket)) throw new ValueError(`A UDP Socket was expected, got ${String(given)}`);
    if (options.localAddr || options.remoteAddr) {
      const problems = [options.localAddr ? `local_addr=${reprAddress(options.localAddr)}` : "", options.remoteAddr ? `remote_addr=${reprAddress(options.remoteAddr)}` : ""].filter((p) => p !== "");
      throw new ValueError(`socket modifier keyword arguments can not be used when sock is specified. (${problems.join(", ")})`);
    }
    sock = given._sim;
    given._blocking = false;
  } else {
    if (!options.localAddr && !options.remoteAddr) throw new ValueError("unexpected address family (createDatagramEndpoint needs localAddr, remoteAddr or sock)");
    const local = options.localAddr ? checkAddress("localAddr", options.localAddr) : null;
    remote = options.remoteAddr ? checkAddress("remoteAddr", options.remoteAddr) : null;
    sock = UdpSocket.create(sel.kernel);
    try {
      if (local !== null) sock.bind(local);
      // Ordering: a UDP connect() completes inside the call, so asyncio's sock_connect does not suspend.
      if (remote !== null) sock.connect(remote);
    } catch (e) {
      sock.close();
      throw e;
    }
  }
  const protocol = protocolFactory();
  const waiter = loop.createFuture<undefined>();
  const transport = new DatagramTransport(sel, sock, protocol, remote, waiter);
  try {
    yield* waiter;
  } catch (e) {
    transport.close();
    throw e;
  }
  return [transport, protocol] as [DatagramTransport, P];
}
