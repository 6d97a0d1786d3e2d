/**
 * The loop's low-level socket calls (asyncio's `loop.sock_connect`,
 * `sock_accept`, `sock_sendall`, `sock_recv`, `sock_recv_into`,
 * selector_events.py 3.12) on sockets of the simulated kernel, and a small
 * `socket()` factory: the few calls of Python's socket module these need.
 *
 * Each call first tries the syscall; only if it would block does it
 * register a reader or writer and await a future, so the iterations are
 * asyncio's: a send of a few bytes and a recv of bytes already there take
 * none; a recv that waits resolves in the iteration after the peer's send
 * and its task resumes one later.
 */
import { OSError, ValueError } from "../errors.js";
import { type CoroutineObject, GenCoroutine } from "../futures/coroutine.js";
import type { EventLoop } from "../futures/eventLoop.js";
import type { Future } from "../futures/future.js";
import { requireLoop } from "../loop/running.js";
import { type Address, SimSocket, WouldBlock } from "./kernel.js";
import { SelectorLoop } from "./selectorLoop.js";
import { checkPort, inheritBuffers, resolve, sockConnect as connectInProgress } from "./server.js";
import { UdpSocket } from "./udp.js";
import { checkOptions } from "../util/args.js";

/** socket()'s options: the socket type (Python's `type=`), TCP by default. */
export interface SocketOptions {
  /** "SOCK_STREAM" (TCP, the default) or "SOCK_DGRAM" (UDP) */
  type?: "SOCK_STREAM" | "SOCK_DGRAM";
}

/**
 * A socket of the simulated network, as Python's socket module gives it:
 * made by socket(), used with the loop's sock_* calls or handed to
 * createServer/createConnection/createDatagramEndpoint with `sock`.
 * Mirrors `socket.socket`.
 * @example
 * const lsock = socket();
 * lsock.bind(["127.0.0.1", 0]);
 * lsock.listen();
 * lsock.setblocking(false);
 */
export class Socket {
  /** @internal the kernel's socket */ readonly _sim: SimSocket;
  /** @internal sockets are blocking until setblocking(false), as in Python */ _blocking = true;
  /** @internal close() was called */ private _closed = false;

  /** @internal made by socket() and sockAccept() */
  constructor(sim: SimSocket) {
    this._sim = sim;
  }

  /** The address family: "AF_INET" (socket.family.name). */
  get family(): string {
    return "AF_INET";
  }

  /** "SOCK_STREAM" or "SOCK_DGRAM" (socket.type.name). */
  get type(): string {
    return this._sim instanceof UdpSocket ? "SOCK_DGRAM" : "SOCK_STREAM";
  }

  /**
   * The file descriptor number. Mirrors `socket.fileno()`.
   * @example sock.fileno(); // 6
   */
  fileno(): number {
    return this._closed ? -1 : this._sim.fd;
  }

  /**
   * Binds to (host, port); port 0 picks a free port. Mirrors `socket.bind(address)`.
   * @throws OSError 98 if the port is taken; TypeError for a bad address; gaierror for an unknown host.
   * @example sock.bind(["127.0.0.1", 0]);
   */
  bind(address: Address): void {
    this._checkOpen("bind");
    this._sim.bind(checkAddress("bind", address));
  }

  /**
   * Starts listening for connections (TCP). Mirrors `socket.listen()`.
   * @throws OSError 95 for a UDP socket.
   * @example sock.listen();
   */
  listen(): void {
    this._checkOpen("listen");
    this._sim.listen();
  }

  /**
   * Non-blocking mode: false is what the loop's sock_* calls need.
   * Mirrors `socket.setblocking(flag)`.
   * @example sock.setblocking(false);
   */
  setblocking(flag: boolean): void {
    this._blocking = Boolean(flag);
  }

  /**
   * Sets a socket option; the simulated kernel knows SOL_SOCKET's
   * SO_RCVBUF (the receive buffer then holds 2 * value unread bytes, as Linux
   * doubles the value; set it before listen() or connect(), as on Linux;
   * accepted sockets take the listener's) and SO_SNDBUF (accepted and
   * ignored: the simulated kernel has no send buffer, a bounded receive
   * buffer is enough for flow control to show).
   * Mirrors `socket.setsockopt(level, option, value)`.
   * @throws ValueError for another option or a value that is not a whole number > 0.
   * @example lsock.setsockopt("SOL_SOCKET", "SO_RCVBUF", 4096);
   */
  setsockopt(level: "SOL_SOCKET", option: "SO_RCVBUF" | "SO_SNDBUF", value: number): void {
    this._checkOpen("setsockopt");
    if (level !== "SOL_SOCKET" || (option !== "SO_RCVBUF" && option !== "SO_SNDBUF")) {
      throw new ValueError(`setsockopt: the simulated kernel knows ("SOL_SOCKET", "SO_RCVBUF") and ("SOL_SOCKET", "SO_SNDBUF") (got (${JSON.stringify(level)}, ${JSON.stringify(option)}))`);
    }
    if (typeof value !== "number" || !Number.isInteger(value) || value <= 0) throw new ValueError(`setsockopt: ${option} must be a whole number > 0 (got ${String(value)})`);
    if (option === "SO_RCVBUF") this._sim._rcvbuf = 2 * value;
  }

  /**
   * True while the socket is blocking. Mirrors `socket.getblocking()`.
   * @example sock.getblocking(); // true until setblocking(false)
   */
  getblocking(): boolean {
    return this._blocking;
  }

  /**
   * The local (host, port). Mirrors `socket.getsockname()`.
   * @example const [host, port] = sock.getsockname();
   */
  getsockname(): Address {
    return this._sim.getsockname();
  }

  /**
   * The peer's (host, port). Mirrors `socket.getpeername()`.
   * @throws OSError 107 when not connected.
   * @example conn.getpeername();
   */
  getpeername(): Address {
    return this._sim.getpeername();
  }

  /**
   * Closes the socket (a FIN to a TCP peer, or a reset if bytes were left
   * unread). Closing twice does nothing. Mirrors `socket.close()`.
   * @example sock.close();
   */
  close(): void {
    if (this._closed) return;
    this._closed = true;
    this._sim.close();
  }

  /** @internal */
  _checkOpen(what: string): void {
    if (this._closed) throw new OSError(9, `Bad file descriptor (${what} on a closed socket)`);
  }

  /** Python's repr, shortened */
  toString(): string {
    return `<socket fd=${this._closed ? -1 : this._sim.fd}, family=AF_INET, type=${this.type}>`;
  }
}

function checkAddress(what: string, address: unknown): Address {
  if (!Array.isArray(address) || address.length !== 2) throw new TypeError(`${what}: address must be a (host, port) pair (got ${JSON.stringify(address)})`);
  return [resolve(address[0] as string, what), checkPort(what, address[1])];
}

/**
 * A new socket of the running loop's simulated network (TCP by default).
 * Mirrors `socket.socket()` (AF_INET; `type: "SOCK_DGRAM"` for UDP).
 * @throws RuntimeError outside a running loop; TypeError for an unknown type or an option other than type.
 * @example
 * const csock = socket();
 * csock.setblocking(false);
 * yield* sockConnect(csock, lsock.getsockname());
 */
export function socket(options: SocketOptions = {}): Socket {
  const loop = requireLoop("socket()");
  checkOptions("socket", options, ["type"]);
  const type = options.type ?? "SOCK_STREAM";
  if (type !== "SOCK_STREAM" && type !== "SOCK_DGRAM") throw new TypeError(`socket: type must be "SOCK_STREAM" or "SOCK_DGRAM" (got ${JSON.stringify(type)})`);
  const kernel = SelectorLoop.of(loop).kernel;
  return new Socket(type === "SOCK_DGRAM" ? UdpSocket.create(kernel) : kernel.socket());
}

/** The checks every sock_* call makes: a Socket, open, non-blocking (asyncio's debug-mode check, always on here). */
function checkSock(what: string, sock: unknown): Socket {
  if (!(sock instanceof Socket)) throw new TypeError(`${what}: sock must be a Socket made by socket() (got ${sock === null ? "null" : typeof sock})`);
  sock._checkOpen(what);
  if (sock._blocking) throw new ValueError(`${what}: the socket must be non-blocking (call sock.setblocking(false) first: a blocking call would stop the loop)`);
  return sock;
}

function loopFor(what: string): [EventLoop, SelectorLoop] {
  const loop = requireLoop(what) as EventLoop;
  return [loop, SelectorLoop.of(loop)];
}

/**
 * Connects `sock` to `address` (TCP: in progress until the socket is
 * writable, the next iteration; UDP: at once). Mirrors `loop.sock_connect(sock, address)`.
 * @throws ValueError for a blocking socket; ConnectionRefusedError when nothing listens there.
 * @example yield* sockConnect(csock, lsock.getsockname());
 */
export function sockConnect(sock: Socket, address: Address): CoroutineObject<void> {
  const [, sel] = loopFor("sockConnect()");
  checkSock("sockConnect", sock);
  const addr = checkAddress("sockConnect", address);
  return new GenCoroutine(() => sockConnectBody(sel, sock, addr), "BaseSelectorEventLoop.sock_connect()");
}

// The bodies of these coroutines are generator functions at module level, not
// made per call: see createConnectionBody in server.ts for what that costs.

function* sockConnectBody(sel: SelectorLoop, sock: Socket, addr: Address): Generator<unknown, void, unknown> {
  if (sock._sim instanceof UdpSocket) {
    sock._sim.connect(addr);
    return;
  }
  yield* connectInProgress(sel, sock._sim, addr);
}

/**
 * Accepts a connection on a listening socket: [conn, address], conn
 * non-blocking. Mirrors `loop.sock_accept(sock)`.
 * @throws ValueError for a blocking socket; OSError 22 if the socket is not listening.
 * @example const [conn, addr] = yield* sockAccept(lsock);
 */
export function sockAccept(sock: Socket): CoroutineObject<[Socket, Address]> {
  const [loop, sel] = loopFor("sockAccept()");
  checkSock("sockAccept", sock);
  return new GenCoroutine(() => sockAcceptBody(loop, sel, sock), "BaseSelectorEventLoop.sock_accept()");
}

function* sockAcceptBody(loop: EventLoop, sel: SelectorLoop, sock: Socket): Generator<unknown, [Socket, Address], unknown> {
  const sim = sock._sim;
  if (!sim._listening) throw new OSError(22, "Invalid argument (sockAccept: the socket is not listening)");
  const fut = loop.createFuture<[Socket, Address]>();
  const tryAccept = (): boolean => {
    try {
      const [conn, addr] = sim.accept();
      inheritBuffers(conn, sim);
      const s = new Socket(conn);
      s._blocking = false;
      fut.setResult([s, addr]);
    } catch (error) {
      if (error instanceof WouldBlock) return false;
      fut.setException(error);
    }
    return true;
  };
  if (!tryAccept()) {
    const handle = sel.addReader(sim, function _sock_accept() {
      if (!fut.done()) tryAccept();
    });
    fut.addDoneCallback(function _sock_read_done() {
      if (!handle.cancelled()) sel.removeReader(sim);
    });
  }
  return yield* fut;
}

/**
 * Sends every byte of `data`: what the kernel does not take at once is
 * sent as the socket becomes writable. Mirrors `loop.sock_sendall(sock, data)`.
 * @throws ValueError for a blocking socket; TypeError if data is not a Uint8Array;
 *   ConnectionResetError, BrokenPipeError from the connection.
 * @example yield* sockSendall(csock, b("abc"));
 */
export function sockSendall(sock: Socket, data: Uint8Array): CoroutineObject<void> {
  const [loop, sel] = loopFor("sockSendall()");
  checkSock("sockSendall", sock);
  if (!(data instanceof Uint8Array)) throw new TypeError(`sockSendall: data must be bytes (a Uint8Array) (got ${data === null ? "null" : typeof data})`);
  return new GenCoroutine(() => sockSendallBody(loop, sel, sock, data), "BaseSelectorEventLoop.sock_sendall()");
}

function* sockSendallBody(loop: EventLoop, sel: SelectorLoop, sock: Socket, data: Uint8Array): Generator<unknown, void, unknown> {
  const sim = sock._sim;
  let pos = 0;
  try {
    pos = sim.send(data);
  } catch (error) {
    if (!(error instanceof WouldBlock)) throw error;
  }
  if (pos === data.length) return;
  const fut = loop.createFuture<undefined>();
  const handle = sel.addWriter(sim, function _sock_sendall() {
    if (fut.done()) return;
    try {
      pos += sim.send(data.subarray(pos));
    } catch (error) {
      if (!(error instanceof WouldBlock)) fut.setException(error);
      return;
    }
    if (pos === data.length) fut.setResult(undefined);
  });
  fut.addDoneCallback(function _sock_write_done() {
    if (!handle.cancelled()) sel.removeWriter(sim);
  });
  yield* fut;
}

/** sock_recv and sock_recv_into: the syscall now, or a reader that retries it on each readiness event. */
function* recvWith<T>(what: string, sock: Socket, syscall: () => T): Generator<unknown, T, unknown> {
  const [loop, sel] = loopFor(what);
  try {
    return syscall();
  } catch (error) {
    if (!(error instanceof WouldBlock)) throw error;
  }
  const fut: Future<T> = loop.createFuture<T>();
  const sim = sock._sim;
  const handle = sel.addReader(sim, function _sock_recv() {
    if (fut.done()) return;
    try {
      fut.setResult(syscall());
    } catch (error) {
      if (!(error instanceof WouldBlock)) fut.setException(error);
    }
  });
  fut.addDoneCallback(function _sock_read_done() {
    if (!handle.cancelled()) sel.removeReader(sim);
  });
  return yield* fut;
}

/**
 * Receives up to `n` bytes: b'' (an empty Uint8Array) after the peer's EOF.
 * Mirrors `loop.sock_recv(sock, n)`.
 * @throws ValueError for a blocking socket or n < 0; ConnectionResetError after a reset.
 * @example const data = yield* sockRecv(conn, 1024);
 */
export function sockRecv(sock: Socket, n: number): CoroutineObject<Uint8Array> {
  requireLoop("sockRecv()");
  checkSock("sockRecv", sock);
  if (typeof n !== "number" || !Number.isInteger(n) || n < 0) throw new ValueError(`sockRecv: n must be a whole number >= 0 (got ${String(n)})`);
  return new GenCoroutine(() => recvWith("sockRecv()", sock, () => sock._sim.recv(n)), "BaseSelectorEventLoop.sock_recv()");
}

/**
 * Receives into `buf`, returning how many bytes were written (0 after EOF).
 * Mirrors `loop.sock_recv_into(sock, buf)`.
 * @throws ValueError for a blocking socket; TypeError if buf is not a Uint8Array.
 * @example const n = yield* sockRecvInto(conn, buf);
 */
export function sockRecvInto(sock: Socket, buf: Uint8Array): CoroutineObject<number> {
  requireLoop("sockRecvInto()");
  checkSock("sockRecvInto", sock);
  if (!(buf instanceof Uint8Array)) throw new TypeError(`sockRecvInto: buf must be a Uint8Array (got ${buf === null ? "null" : typeof buf})`);
  const syscall = (): number => {
    const data = sock._sim.recv(buf.length);
    buf.set(data);
    return data.length;
  };
  return new GenCoroutine(() => recvWith("sockRecvInto()", sock, syscall), "BaseSelectorEventLoop.sock_recv_into()");
}

/** recvfrom(n) on either kind of socket: a UDP socket's datagram and its source; a TCP socket's bytes and null (Python's None). */
function recvfromOf(sock: Socket, n: number): [Uint8Array, Address | null] {
  const sim = sock._sim;
  return sim instanceof UdpSocket ? sim.recvfrom(n) : [sim.recv(n), null];
}

/**
 * Receives one datagram (cut to `n` bytes) and its source address: [data,
 * [host, port]]; on a TCP socket, up to `n` bytes and null. Waits until there
 * is one. Mirrors `loop.sock_recvfrom(sock, bufsize)`.
 * @throws ValueError for a blocking socket or n < 0; ConnectionRefusedError on a
 *   connected UDP socket whose peer has nothing bound (as Linux reports it).
 * @example const [data, from] = yield* sockRecvfrom(usock, 2048);
 */
export function sockRecvfrom(sock: Socket, n: number): CoroutineObject<[Uint8Array, Address | null]> {
  requireLoop("sockRecvfrom()");
  checkSock("sockRecvfrom", sock);
  if (typeof n !== "number" || !Number.isInteger(n) || n < 0) throw new ValueError(`sockRecvfrom: bufsize must be a whole number >= 0 (got ${String(n)})`);
  return new GenCoroutine(() => recvWith("sockRecvfrom()", sock, () => recvfromOf(sock, n)), "BaseSelectorEventLoop.sock_recvfrom()");
}

/**
 * Receives one datagram into `buf` (at most `nbytes` bytes, or the buffer's
 * length when 0): [count, source address] (null on a TCP socket). Mirrors
 * `loop.sock_recvfrom_into(sock, buf, nbytes=0)`.
 * @throws ValueError for a blocking socket or an nbytes outside 0..buf.length; TypeError if buf is not a Uint8Array.
 * @example const [n, from] = yield* sockRecvfromInto(usock, buf);
 */
export function sockRecvfromInto(sock: Socket, buf: Uint8Array, nbytes = 0): CoroutineObject<[number, Address | null]> {
  requireLoop("sockRecvfromInto()");
  checkSock("sockRecvfromInto", sock);
  if (!(buf instanceof Uint8Array)) throw new TypeError(`sockRecvfromInto: buf must be a Uint8Array (got ${buf === null ? "null" : typeof buf})`);
  if (typeof nbytes !== "number" || !Number.isInteger(nbytes) || nbytes < 0 || nbytes > buf.length) {
    throw new ValueError(`sockRecvfromInto: nbytes must be a whole number from 0 to the buffer's length ${buf.length} (got ${String(nbytes)})`);
  }
  const size = nbytes === 0 ? buf.length : nbytes;
  const syscall = (): [number, Address | null] => {
    const [data, from] = recvfromOf(sock, size);
    buf.set(data);
    return [data.length, from];
  };
  return new GenCoroutine(() => recvWith("sockRecvfromInto()", sock, syscall), "BaseSelectorEventLoop.sock_recvfrom_into()");
}

/**
 * Sends `data` to `address` as one datagram and returns how many bytes were
 * sent (on a connected TCP socket the address is ignored, as Linux does).
 * Waits for the socket to be writable if it is not. Mirrors
 * `loop.sock_sendto(sock, data, address)`.
 * @throws ValueError for a blocking socket; TypeError if data is not a Uint8Array
 *   or the address not a (host, port) pair; gaierror for an unknown host.
 * @example const sent = yield* sockSendto(usock, b("ping"), ["10.0.0.2", 9999]);
 */
export function sockSendto(sock: Socket, data: Uint8Array, address: Address): CoroutineObject<number> {
  const [loop, sel] = loopFor("sockSendto()");
  checkSock("sockSendto", sock);
  if (!(data instanceof Uint8Array)) throw new TypeError(`sockSendto: data must be bytes (a Uint8Array) (got ${data === null ? "null" : typeof data})`);
  const addr = checkAddress("sockSendto", address);
  return new GenCoroutine(() => sockSendtoBody(loop, sel, sock, data, addr), "BaseSelectorEventLoop.sock_sendto()");
}

function sendtoOf(sock: Socket, data: Uint8Array, addr: Address): number {
  const sim = sock._sim;
  return sim instanceof UdpSocket ? sim.sendto(data, addr) : sim.send(data);
}

function* sockSendtoBody(loop: EventLoop, sel: SelectorLoop, sock: Socket, data: Uint8Array, addr: Address): Generator<unknown, number, unknown> {
  try {
    return sendtoOf(sock, data, addr);
  } catch (error) {
    if (!(error instanceof WouldBlock)) throw error;
  }
  const fut = loop.createFuture<number>();
  const sim = sock._sim;
  const handle = sel.addWriter(sim, function _sock_sendto() {
    if (fut.done()) return;
    try {
      fut.setResult(sendtoOf(sock, data, addr));
    } catch (error) {
      if (!(error instanceof WouldBlock)) fut.setException(error);
    }
  });
  fut.addDoneCallback(function _sock_write_done() {
    if (!handle.cancelled()) sel.removeWriter(sim);
  });
  return yield* fut;
}
