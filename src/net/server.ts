/**
 * Connecting and serving: asyncio's `create_connection`, `create_server`
 * and `Server` (base_events.py, selector_events.py, 3.12), and the streams
 * functions on top, `open_connection` and `start_server` (streams.py).
 *
 * The awaits are asyncio's, one for one, because each is an iteration:
 * open_connection takes 4 (connect in progress; writable; the transport is
 * made; its queued callbacks run; the task resumes), start_server takes 4
 * (its address lookup is a gather of one coroutine: a task; then sleep(0)),
 * and each accepted connection is a task (`_accept_connection2`), which
 * uses up a Task-<n> name as in CPython.
 */
import { GaiError, OSError, RuntimeError, ValueError } from "../errors.js";
import { Socket } from "./sockApi.js";
import { type CoroutineObject, GenCoroutine } from "../futures/coroutine.js";
import type { EventLoop } from "../futures/eventLoop.js";
import type { Future, Waker } from "../futures/future.js";
import type { Handle } from "../loop/handle.js";
import { CancelledError } from "../errors.js";
import { gather } from "../asyncio/gather.js";
import { sleep } from "../asyncio/sleep.js";
import type { AsyncContextManager } from "../asyncio/asyncWith.js";
import { requireLoop } from "../loop/running.js";
import { type Address, type SimSocket, errnoError } from "./kernel.js";
import { SelectorLoop } from "./selectorLoop.js";
import { type ClientConnected, DEFAULT_LIMIT, StreamReader, StreamReaderProtocol, StreamWriter } from "./streams.js";
import { SocketTransport, type StreamProtocol } from "./transport.js";
import { checkOptions, noTimeout } from "../util/args.js";

/** asyncio's backlog default for create_server / start_server */
const BACKLOG = 100;

/**
 * @internal The address a host name or address means: the loopback address
 * (numeric, as every scenario uses it), the wildcard, or a host that
 * network() added. @throws GaiError for a name the network does not know.
 */
export function resolve(host: string | null | undefined, what: string, loop: EventLoop = requireLoop(what) as EventLoop): string {
  if (host === "127.0.0.1" || host === "localhost") return "127.0.0.1";
  if (host === null || host === undefined || host === "" || host === "0.0.0.0") return "0.0.0.0";
  const net = SelectorLoop.of(loop).kernel._net;
  if (net !== null && typeof host === "string") return net._resolve(host, net._currentHost(), what).address;
  throw new GaiError(-2, `Name or service not known (${what}: the simulated network has only 127.0.0.1 and localhost until network().host() adds hosts, got ${JSON.stringify(host)})`);
}

/** @internal A port is a whole number 0-65535 (Python raises OverflowError out of range, TypeError for a non-number; vloop TypeError for both). */
export function checkPort(what: string, port: unknown): number {
  if (typeof port !== "number" || !Number.isInteger(port) || port < 0 || port > 65535) {
    throw new TypeError(`${what}: port must be a whole number 0-65535 (got ${String(port)})`);
  }
  return port;
}

/**
 * A listening server. Mirrors asyncio.Server.
 * @example
 * const server = yield* startServer(handle, "127.0.0.1", 0);
 * const port = server.sockets[0].getsockname()[1];
 */
export class Server implements AsyncContextManager<Server> {
  /** @internal */ readonly _loop: EventLoop;
  /** @internal */ readonly _sel: SelectorLoop;
  /** @internal null once closed */ _sockets: SimSocket[] | null;
  /** @internal connections open */ _activeCount = 0;
  /** @internal wait_closed() futures; null once woken */ _waiters: Future<undefined>[] | null = [];
  /** @internal */ readonly _protocolFactory: () => StreamProtocol;
  /** @internal */ readonly _backlog: number;
  /** @internal */ _serving = false;
  /** @internal */ _servingForeverFut: Future<undefined> | null = null;

  /** @internal made by createServer */
  constructor(sel: SelectorLoop, sockets: SimSocket[], protocolFactory: () => StreamProtocol, backlog: number) {
    this._loop = sel.loop as EventLoop;
    this._sel = sel;
    this._sockets = sockets;
    this._protocolFactory = protocolFactory;
    this._backlog = backlog;
  }

  /**
   * @internal a transport of this server opened. asyncio asserts that the
   * server is open: a connection accepted just before close() gets no
   * transport (the transport's constructor fails before it queues
   * connection_made) and no handler task; `_accept_connection2` swallows it.
   */
  _attach(): void {
    if (this._sockets === null) throw new RuntimeError(`Server._attach: ${this} is closed (asyncio: assert self._sockets is not None)`);
    this._activeCount++;
  }

  /** @internal a transport of this server closed */
  _detach(): void {
    this._activeCount--;
    if (this._activeCount === 0 && this._sockets === null) this._wakeup();
  }

  private _wakeup(): void {
    const waiters = this._waiters;
    this._waiters = null;
    if (waiters === null) return;
    for (const w of waiters) if (!w.done()) w.setResult(undefined);
  }

  /** @internal Server._start_serving: listen and register the accept callback. */
  _startServing(): void {
    if (this._serving) return;
    this._serving = true;
    for (const sock of this._sockets as SimSocket[]) {
      sock.listen();
      this._sel.addReader(sock, _accept_connection, 2, this, sock);
    }
  }

  /** The server's loop. Mirrors `Server.get_loop()`. */
  getLoop(): EventLoop {
    return this._loop;
  }

  /** True while accepting connections. Mirrors `Server.is_serving()`. */
  isServing(): boolean {
    return this._serving;
  }

  /** The listening sockets (none once closed). Mirrors `Server.sockets`. */
  get sockets(): readonly SimSocket[] {
    return this._sockets === null ? [] : [...this._sockets];
  }

  /**
   * Stops listening; connections already accepted stay open.
   * Mirrors `Server.close()`.
   */
  close(): void {
    const sockets = this._sockets;
    if (sockets === null) return;
    this._sockets = null;
    for (const sock of sockets) {
      this._sel.removeReader(sock);
      sock.close();
    }
    this._serving = false;
    const fut = this._servingForeverFut;
    if (fut !== null && !fut.done()) {
      fut.cancel();
      this._servingForeverFut = null;
    }
    if (this._activeCount === 0) this._wakeup();
  }

  /**
   * Starts accepting (if startServing was false) and yields once.
   * Mirrors `Server.start_serving()`.
   */
  startServing(): CoroutineObject<void> {
    return new GenCoroutine(() => this._startServingBody(), "Server.start_serving()");
  }

  // The coroutines' bodies are generator methods, not generator functions
  // made per call (see createConnectionBody).

  /** @internal */
  *_startServingBody(): Generator<unknown, void, unknown> {
    this._startServing();
    yield* sleep(0);
  }

  /**
   * Accepts connections until cancelled; cancelling closes the server.
   * Mirrors `Server.serve_forever()`.
   * @throws RuntimeError if already serving forever or closed.
   */
  serveForever(): CoroutineObject<void> {
    return new GenCoroutine(() => this._serveForeverBody(), "Server.serve_forever()");
  }

  /** @internal */
  *_serveForeverBody(): Generator<unknown, void, unknown> {
    if (this._servingForeverFut !== null) throw new RuntimeError(`server ${this} is already being awaited on serve_forever()`);
    if (this._sockets === null) throw new RuntimeError(`server ${this} is closed`);
    this._startServing();
    const fut = this._loop.createFuture<undefined>();
    this._servingForeverFut = fut;
    try {
      yield* fut;
    } catch (e) {
      if (e instanceof CancelledError) {
        // asyncio: close, wait until closed, then re-raise the cancellation
        this.close();
        yield* this.waitClosed();
      }
      throw e;
    } finally {
      this._servingForeverFut = null;
    }
  }

  /**
   * Waits until the server is closed and every connection it accepted is closed.
   * Mirrors `Server.wait_closed()`.
   */
  waitClosed(): CoroutineObject<void>;
  waitClosed(extra?: unknown): CoroutineObject<void> {
    if (extra !== undefined) throw noTimeout("Server.waitClosed()", extra);
    return new GenCoroutine(() => this._waitClosedBody(), "Server.wait_closed()");
  }

  /** @internal */
  *_waitClosedBody(): Generator<unknown, void, unknown> {
    if (this._waiters === null) return;
    const waiter = this._loop.createFuture<undefined>();
    this._waiters.push(waiter);
    yield* waiter;
  }

  /** `async with server`: enters with the server. */
  *aenter(): Generator<unknown, Server, unknown> {
    return this;
  }

  /** ... and exits by closing it and waiting until it is closed. */
  *aexit(): Generator<unknown, boolean, unknown> {
    this.close();
    yield* this.waitClosed();
    return false;
  }

  /** asyncio's repr */
  toString(): string {
    return `<Server sockets=(${this.sockets.map((s) => `<socket fd=${s.fd}>`).join(", ")})>`;
  }
}

/**
 * @internal An accepted socket takes the listener's receive buffer size
 * (SO_RCVBUF set on the listener, as Linux copies it at the handshake; here
 * at accept, so bytes that arrive before accept are not bounded).
 */
export function inheritBuffers(conn: SimSocket, listener: SimSocket): void {
  conn._rcvbuf = listener._rcvbuf;
}

/** The listening socket's read callback (a module-level function with its server and socket as arguments, not a closure per server). */
function _accept_connection(server: Server, sock: SimSocket): void {
  acceptConnection(server._sel, server._protocolFactory, sock, server, server._backlog);
}

/** selector_events._accept_connection: accept every queued connection, a task each. */
function acceptConnection(sel: SelectorLoop, factory: () => StreamProtocol, sock: SimSocket, server: Server, backlog: number): void {
  for (let i = 0; i < backlog; i++) {
    const conn = sock._acceptNext();
    if (conn === null) return; // EAGAIN
    inheritBuffers(conn, sock);
    (sel.loop as EventLoop).createTask(acceptConnection2(sel, factory, conn, conn._peerAddr as Address, server));
  }
}

/** selector_events._accept_connection2: make the protocol and transport, wait until connected. */
function* acceptConnection2(sel: SelectorLoop, factory: () => StreamProtocol, conn: SimSocket, peername: Address, server: Server): Generator<unknown, void, unknown> {
  let transport: SocketTransport | null = null;
  try {
    const protocol = factory();
    const waiter = (sel.loop as EventLoop).createFuture<undefined>();
    transport = new SocketTransport(sel, conn, protocol, waiter, peername, server);
    try {
      yield* waiter;
    } catch (e) {
      transport.close();
      throw e;
    }
  } catch {
    // asyncio reports these only in debug mode
  }
}

/** @internal BaseSelectorEventLoop.sock_connect: the connect() is in progress; writable means done. */
export function* sockConnect(sel: SelectorLoop, sock: SimSocket, address: Address): Generator<unknown, void, unknown> {
  const loop = sel.loop as EventLoop;
  const fut = loop.createFuture<undefined>();
  sock.connect(address);
  // EINPROGRESS: wait until writable
  const connecting = new Connecting(sel, sock, address, fut);
  connecting.handle = sel.addWriter(sock, _sock_connect_cb, 1, connecting);
  // Ordering: this done callback is added before the task awaits the future, so it runs first.
  fut._addWaker(connecting);
  yield* fut;
}

/**
 * A connect() in progress: the writer callback's and the done callback's
 * state, as the arguments of module-level functions rather than two closures
 * per connection (see SelectorIo in selectorLoop.ts).
 */
class Connecting implements Waker {
  handle: Handle | null = null;

  constructor(
    readonly sel: SelectorLoop,
    readonly sock: SimSocket,
    readonly address: Address,
    readonly fut: Future<undefined>,
  ) {}

  /** the future is done: call_soon(_sock_write_done), as its done callback */
  _scheduleWake(): void {
    this.sel.loop._callSoon(_sock_write_done, 1, this);
  }

  _wakeupFrom(): void {
    _sock_write_done(this);
  }
}

function _sock_connect_cb(c: Connecting): void {
  sockConnectCb(c.fut, c.sock, c.address);
}

function _sock_write_done(c: Connecting): void {
  if (!(c.handle as Handle).cancelled()) c.sel.removeWriter(c.sock);
}

function sockConnectCb(fut: Future<undefined>, sock: SimSocket, address: Address): void {
  if (fut.done()) return;
  const err = sock.takeError();
  if (err !== 0) {
    fut.setException(errnoError(err, `Connect call failed ('${address[0]}', ${address[1]})`));
    return;
  }
  fut.setResult(undefined);
}

/** A protocol factory is a function (asyncio fails later, when it calls it; vloop says so at once). */
function checkFactory(what: string, protocolFactory: unknown): void {
  if (typeof protocolFactory !== "function") {
    throw new TypeError(`${what}: protocolFactory must be a function that returns a protocol, e.g. () => new MyProtocol() (got ${protocolFactory === null ? "null" : typeof protocolFactory})`);
  }
}

/** The TCP socket of a `sock` option, made non-blocking as asyncio does. */
function streamSocketOf(what: string, sock: unknown): SimSocket {
  if (!(sock instanceof Socket) || sock.type !== "SOCK_STREAM") throw new ValueError(`${what}: A Stream Socket was expected, got ${String(sock)}`);
  sock._checkOpen(what);
  sock._blocking = false;
  return sock._sim;
}

/**
 * Connects to `host`:`port` and makes a transport with `protocolFactory()`'s
 * protocol; or, with `{ sock }` (host and port null), makes the transport on
 * a socket already connected (by sockConnect). Returns 4 loop iterations
 * later, after connectionMade has run (2 with `sock`).
 * Mirrors `loop.create_connection(protocol_factory, host, port, sock=None)`.
 * @throws TypeError if protocolFactory is not a function, the port is not
 *   0-65535 or an option is not sock; ValueError for host/port together with sock, or a UDP sock;
 *   ConnectionRefusedError when nothing listens there; gaierror for an unknown host.
 * @example const [transport, protocol] = yield* createConnection(() => new MyProtocol(), "127.0.0.1", port);
 */
export function createConnection<P extends StreamProtocol>(
  protocolFactory: () => P,
  host: string | null,
  port: number | null,
  options: { sock?: Socket | null } = {},
): CoroutineObject<[SocketTransport, P]> {
  const loop = requireLoop("createConnection()") as EventLoop;
  checkFactory("createConnection", protocolFactory);
  checkOptions("createConnection", options, ["sock"]);
  const given = options?.sock ?? null;
  return new GenCoroutine(() => createConnectionBody(loop, protocolFactory, host, port, given), "create_connection()");
}

/**
 * The body of createConnection: a generator function at module level, as
 * every body of vloop's own coroutines is. A generator function made per
 * call gets its own object layout (a V8 map, made outside the young
 * generation, which only a full collection frees) the first time it runs, and
 * that map holds the closure and all it sees (the loop: the whole run)
 * through every minor collection until then, so that the runs of an
 * exploration were copied and promoted instead of dying young. Measured on
 * an explored run that only creates a server: 13.5 us a run and 54% of the
 * young generation surviving each scavenge with per-call bodies, 3.0 us and
 * 0.3% with module-level ones.
 */
function* createConnectionBody<P extends StreamProtocol>(
  loop: EventLoop,
  protocolFactory: () => P,
  host: string | null,
  port: number | null,
  given: Socket | null,
): Generator<unknown, [SocketTransport, P], unknown> {
  const sel = SelectorLoop.of(loop);
  let sock: SimSocket;
  if (given !== null) {
    if (host !== null && host !== undefined) throw new ValueError("createConnection: host/port and sock can not be specified at the same time");
    if (port !== null && port !== undefined) throw new ValueError("createConnection: host/port and sock can not be specified at the same time");
    sock = streamSocketOf("createConnection", given);
  } else {
    if ((host === null || host === undefined) && (port === null || port === undefined)) throw new ValueError("createConnection: host and port was not specified and no sock specified");
    const addr = resolve(host, "createConnection", loop);
    checkPort("createConnection", port);
    sock = sel.kernel.socket();
    try {
      yield* sockConnect(sel, sock, [addr, port as number]);
    } catch (e) {
      sock.close();
      throw e;
    }
  }
  const protocol = protocolFactory();
  const waiter = loop.createFuture<undefined>();
  const transport = new SocketTransport(sel, sock, protocol, waiter);
  try {
    yield* waiter;
  } catch (e) {
    transport.close();
    throw e;
  }
  return [transport, protocol] as [SocketTransport, P];
}

/** The options of createServer and startServer (asyncio's keyword arguments). */
/** ServerOptions' names (a misspelt one is refused, not ignored). */
const SERVER_OPTIONS = ["startServing", "backlog", "sock"] as const;

export interface ServerOptions {
  /** listen at once (default true); false waits for startServing() */
  startServing?: boolean;
  /** connections queued before accept (default 100) */
  backlog?: number;
  /** serve on this socket (made by socket() and bound) instead of host and port, which must be null */
  sock?: Socket | null;
}

/**
 * Listens on `host`:`port` (port 0 picks a free one), or on `options.sock`,
 * and serves each connection with a new `protocolFactory()` protocol.
 * Returns 4 loop iterations later (1 with `sock`: there is no address lookup).
 * Mirrors `loop.create_server(protocol_factory, host, port, sock=None, backlog=100, start_serving=True)`.
 * @throws TypeError if protocolFactory is not a function, the port is not
 *   0-65535 or an option is not one of startServing, backlog, sock; ValueError for
 *   host/port together with sock, or a UDP sock; gaierror for an unknown host; OSError 98 if the port is taken.
 * @example const server = yield* createServer(() => new Echo(), "127.0.0.1", 0);
 */
export function createServer(protocolFactory: () => StreamProtocol, host: string | null, port: number | null, options: ServerOptions = {}): CoroutineObject<Server> {
  const loop = requireLoop("createServer()") as EventLoop;
  checkFactory("createServer", protocolFactory);
  checkOptions("createServer", options, SERVER_OPTIONS);
  const given = options?.sock ?? null;
  return new GenCoroutine(() => createServerBody(loop, protocolFactory, host, port, options, given), "create_server()");
}

/** The body of createServer (at module level: see createConnectionBody). */
function* createServerBody(
  loop: EventLoop,
  protocolFactory: () => StreamProtocol,
  host: string | null,
  port: number | null,
  options: ServerOptions,
  given: Socket | null,
): Generator<unknown, Server, unknown> {
  const startServing = options.startServing ?? true;
  const backlog = options.backlog ?? BACKLOG;
  const sel = SelectorLoop.of(loop);
  let sock: SimSocket;
  if (given !== null) {
    if ((host !== null && host !== undefined) || (port !== null && port !== undefined)) throw new ValueError("createServer: host/port and sock can not be specified at the same time");
    sock = streamSocketOf("createServer", given);
  } else {
    checkPort("createServer", port);
    // Ordering: asyncio looks the address up with a gather of one coroutine per host (a task).
    const [addr] = (yield* gather(new GenCoroutine(() => getaddrinfoBody(host, loop), "_create_server_getaddrinfo()"))) as [string];
    sock = sel.kernel.socket();
    try {
      sock.bind([addr, port as number]);
    } catch (err) {
      // asyncio's words, with the address as Python's repr of the tuple
      if (!(err instanceof OSError) || err.errno === null) throw err;
      throw new OSError(err.errno, `error while attempting to bind on address ('${addr}', ${port}): ${String(err.strerror).toLowerCase()}`);
    }
  }
  const server = new Server(sel, [sock], protocolFactory, backlog);
  if (startServing) {
    server._startServing();
    yield* sleep(0);
  }
  return server;
}

/** createServer's address lookup, a coroutine run as a task (at module level: see createConnectionBody). */
// eslint-disable-next-line require-yield
function* getaddrinfoBody(host: string | null, loop: EventLoop): Generator<unknown, string, unknown> {
  return resolve(host, "createServer", loop);
}

/**
 * Connects to `host`:`port` and returns its [reader, writer].
 * Mirrors `asyncio.open_connection(host, port, limit=2**16)`.
 * @throws ConnectionRefusedError when nothing listens there; gaierror for an unknown host;
 *   TypeError for an option other than limit.
 * @example const [reader, writer] = yield* openConnection("127.0.0.1", port);
 */
export function openConnection(host: string, port: number, options: { limit?: number } = {}): CoroutineObject<[StreamReader, StreamWriter]> {
  requireLoop("openConnection()");
  checkOptions("openConnection", options, ["limit"]);
  const limit = options.limit ?? DEFAULT_LIMIT;
  return new GenCoroutine(() => openConnectionBody(host, port, limit), "open_connection()");
}

/** The body of openConnection (at module level: see createConnectionBody). */
function* openConnectionBody(host: string, port: number, limit: number): Generator<unknown, [StreamReader, StreamWriter], unknown> {
  const reader = new StreamReader({ limit });
  const protocol = new StreamReaderProtocol(reader);
  const [transport] = yield* createConnection(() => protocol, host, port);
  const writer = new StreamWriter(transport, protocol, reader);
  return [reader, writer];
}

/**
 * Serves each connection to `host`:`port` by running
 * `clientConnected(reader, writer)` as a task (a generator function or an
 * async function). Mirrors `asyncio.start_server(client_connected_cb, host, port, limit=2**16)`.
 * @throws gaierror for an unknown host; TypeError for an option other than
 *   startServing, backlog, sock and limit.
 * @example const server = yield* startServer(function* (reader, writer) { writer.write(yield* reader.readline()); }, "127.0.0.1", 0);
 */
export function startServer(clientConnected: ClientConnected, host: string | null, port: number, options: ServerOptions & { limit?: number } = {}): CoroutineObject<Server> {
  if (typeof clientConnected !== "function") throw new TypeError(`startServer: clientConnected must be a function (got ${typeof clientConnected})`);
  checkOptions("startServer", options, [...SERVER_OPTIONS, "limit"]);
  const { limit = DEFAULT_LIMIT, ...serverOptions } = options;
  const factory = (): StreamProtocol => new StreamReaderProtocol(new StreamReader({ limit }), clientConnected);
  return createServer(factory, host, port, serverOptions);
}

