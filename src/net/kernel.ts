/**
 * The simulated kernel: TCP sockets on a perfect loopback network, as the
 * transport layer sees them through non-blocking syscalls, and the epoll
 * instance of one loop.
 *
 * A perfect network is CPython over loopback (DESIGN.md item 10): every
 * syscall's effects on the peer happen inside the syscall (a send() lands in
 * the peer's receive buffer, a connect() completes the handshake and queues
 * the connection on the listener), as the recorder sees them once the kernel
 * has settled (scenarios/net/README.md). Buffers are unbounded: a send()
 * takes everything, as Linux does for the default buffers on loopback.
 *
 * Readiness goes through an epoll-like ready list, because its order is the
 * order of the IO callbacks in an iteration. Ordering (Linux epoll, level
 * triggered, as asyncio's EpollSelector uses it): a registered socket joins
 * the tail of the ready list when an event makes it ready (a wakeup) or when
 * it is registered or modified while ready; it keeps its place while it stays
 * ready (a reported socket is put back, in order); a poll that finds it not
 * ready drops it. A wakeup without events (Linux's sk_state_change, which
 * wakes epoll with no key) puts a registered socket on the list even if it is
 * not ready: so does the ACK of a socket's FIN after shutdown(SHUT_WR), and
 * bytes that arrive before the next poll find it already in that place.
 *
 * Tracing: a message between two hosts over a perfect path is delivered
 * inside the syscall, so it never waits in the network's queue and the
 * network never sees it; with a tracer on, the syscall reports it as one
 * "transfer" event (src/loop/trace.ts), so a sequence diagram shows every
 * message between hosts, whatever the link. Loopback (both sockets on one
 * host) stays silent: it cannot be delayed, lost or cut, and a picture of a
 * network is about what crosses between machines. Without a tracer, or
 * without hosts, this costs a check or two per syscall on a perfect path.
 */
import { BrokenPipeError, ConnectionRefusedError, ConnectionResetError, OSError, TimeoutError, withoutStack } from "../errors.js";
import type { Network } from "./network.js";

export const ECONNREFUSED = 111;
export const ECONNRESET = 104;
export const EPIPE = 32;
export const ETIMEDOUT = 110;
export const ENOTCONN = 107;

/** selectors.EVENT_READ / EVENT_WRITE */
export const EVENT_READ = 1;
export const EVENT_WRITE = 2;

/**
 * What the epoll ready list holds: a socket, or (src/process) a pipe end or a
 * process's pidfd. `_events(mask)` says what is ready now for the registered mask.
 */
export interface Pollable {
  /** @internal the selector mask registered for it (0: not registered) */ _mask: number;
  /** @internal the data asyncio keeps with the key: [reader handle, writer handle] */ _key: [unknown, unknown];
  /** @internal on the epoll ready list */ _onReadyList: boolean;
  /** @internal what epoll reports for `mask` now (EVENT_READ | EVENT_WRITE bits) */
  _events(mask: number): number;
}

/**
 * @internal With a tracer on, reports a message between two hosts that went
 * over a perfect path (see the module comment); silent on loopback. The
 * detail is worded as the network's own messages are ("5 bytes main->db").
 */
export function traceTransfer(net: Network | null, what: "connect" | "synack" | "refused" | "data" | "fin" | "rst", from: Host, to: Host, bytes = 0): void {
  if (net === null || from === to) return;
  const loop = net._loop;
  if (loop._tracer === null) return;
  const path = `${from.name}->${to.name}`;
  const detail = what === "data" ? `${bytes} bytes ${path}` : `${what} ${path}`;
  loop._emit({ kind: "net", t: loop.time(), i: loop._iteration, op: "transfer", from: from.name, to: to.name, detail });
}

/** A socket address: (host, port). */
export type Address = readonly [string, number];

/** Thrown by a non-blocking syscall that would block (Python's BlockingIOError). */
export class WouldBlock extends OSError {}

/**
 * The one WouldBlock the kernel throws: callers catch it and wait, nobody
 * keeps or shows it, and building an Error (its stack) on every recv() or
 * accept() that finds nothing was a twelfth of a network exploration's time.
 */
const WOULD_BLOCK = new WouldBlock(11, "Resource temporarily unavailable");

type State = "new" | "listening" | "connecting" | "connected" | "closed";

/** The words of an errno, as Linux's strerror gives them. */
function strerror(errno: number): string {
  if (errno === ECONNRESET) return "Connection reset by peer";
  if (errno === EPIPE) return "Broken pipe";
  if (errno === ECONNREFUSED) return "Connection refused";
  if (errno === ETIMEDOUT) return "Connection timed out";
  return "error";
}

/** An error raised by errno, as Python picks the OSError subclass from it. */
export function errnoError(errno: number, words: string): Error {
  return withoutStack(() => errnoErrorWithStack(errno, words));
}

function errnoErrorWithStack(errno: number, words: string): Error {
  if (errno === ECONNREFUSED) return new ConnectionRefusedError(errno, words);
  if (errno === ECONNRESET) return new ConnectionResetError(errno, words);
  if (errno === EPIPE) return new BrokenPipeError(errno, words);
  if (errno === ETIMEDOUT) return new TimeoutError(`[Errno ${errno}] ${words}`);
  return new OSError(errno, words);
}

/**
 * A machine of the simulated network: its ports and open sockets. Every
 * world has "main", where a program runs unless it puts tasks on other
 * hosts (src/net/network.ts).
 */
export class Host {
  /** @internal up, or crashed and not started again */ _up = true;
  /** @internal listening and bound sockets by port */ readonly _bound = new Map<number, SimSocket>();
  /** @internal sockets not yet closed (a crash closes them) */ readonly _sockets = new Set<SimSocket>();
  /** @internal how many times the host was started (its factory run) */ _starts = 0;
  /** @internal */ _nextPort = 40000;

  constructor(
    /** the host's name ("main", or the name given to network().host) */ readonly name: string,
    /** its IPv4 address as other hosts see it ("10.0.0.1" for main, "10.0.0.N" by default for the others) */ readonly address: string,
  ) {}

  /** Is the host running (not crashed)? */
  get up(): boolean {
    return this._up;
  }

  /** @internal the next free ephemeral port (never printed by programs: any rule will do) */
  _ephemeralPort(): number {
    while (this._bound.has(this._nextPort)) this._nextPort++;
    return this._nextPort++;
  }

  /** The host as reports show it: `<Host db 10.0.0.1>`, with "crashed" while down. */
  toString(): string {
    return `<Host ${this.name} ${this.address}${this._up ? "" : " crashed"}>`;
  }
}

/** One TCP socket (a file descriptor of the simulated kernel). */
export class SimSocket implements Pollable {
  /** The address family: IPv4 (socket.family.name) */
  readonly family = "AF_INET";
  /** @internal */ _state: State = "new";
  /** @internal */ _local: Address | null = null;
  /** @internal */ _peerAddr: Address | null = null;
  /** @internal the other end of the connection */ _peer: SimSocket | null = null;
  /** @internal bytes received and not yet read, in arrival order */ readonly _recv: Uint8Array[] = [];
  /** @internal bytes in `_recv` */ _recvLen = 0;
  /**
   * @internal How many unread bytes the receive buffer holds (SO_RCVBUF, as
   * the sender sees it). Unbounded by default: with Linux's default buffers a
   * write on loopback is taken whole (scenarios/net/README.md). A bounded one
   * makes send() take part of a write and the rest wait for room.
   */
  _rcvbuf = Infinity;
  /** @internal a FIN arrived (after the bytes in `_recv`) */ _finIn = false;
  /** @internal this side sent its FIN (shutdown(SHUT_WR) or close) */ _finOut = false;
  /** @internal the pending error (SO_ERROR): ECONNREFUSED, ECONNRESET, or 0 */ _error = 0;
  /** @internal the connection was reset (after the error is read, reads see EOF) */ _reset = false;
  /** @internal a listener's connections not yet accepted */ readonly _backlog: SimSocket[] = [];
  /** @internal listen() was called */ _listening = false;
  /** @internal the selector mask registered for it (0: not registered) */ _mask = 0;
  /** @internal the data asyncio keeps with the key: [reader handle, writer handle] */ _key: [unknown, unknown] = [null, null];
  /** @internal on the epoll ready list */ _onReadyList = false;
  /** @internal messages this socket sent that have not arrived (network.ts) */ _inFlight = 0;
  /** @internal when the last of them arrives: bytes on a connection never overtake each other */ _lastArrival = 0;
  /** @internal how many times this socket's connect() SYN was sent (network.ts) */ _synAttempts = 0;

  constructor(
    /** @internal */ readonly _kernel: Kernel,
    /** the file descriptor number (for reprs and reports) */ readonly fd: number,
    /** the host the socket belongs to */ readonly host: Host,
  ) {
    host._sockets.add(this);
  }

  /** socket.getsockname() */
  getsockname(): Address {
    if (this._local === null) return ["0.0.0.0", 0];
    return this._local;
  }

  /** @internal getpeername(), or null where it raises ENOTCONN (no error, and no stack, made) */
  _peernameOrNull(): Address | null {
    return this._peerAddr === null || this._state !== "connected" ? null : this._peerAddr;
  }

  /** socket.getpeername() @throws OSError ENOTCONN when not connected */
  getpeername(): Address {
    if (this._peerAddr === null || this._state !== "connected") throw new OSError(107, "Transport endpoint is not connected");
    return this._peerAddr;
  }

  /**
   * socket.bind((host, port)): port 0 picks a free ephemeral port.
   * @throws OSError EADDRINUSE (98) if another socket is bound to the port.
   */
  bind(address: Address): void {
    const bound = this.host._bound;
    const a = address[0];
    if (this._kernel._net !== null && a !== "0.0.0.0" && !a.startsWith("127.") && a !== this.host.address) {
      throw new OSError(99, "Cannot assign requested address");
    }
    if (address[1] !== 0 && bound.has(address[1])) throw new OSError(98, "Address already in use");
    this._local = [address[0], address[1] === 0 ? this.host._ephemeralPort() : address[1]];
    bound.set(this._local[1], this);
  }

  /** socket.listen(): connections are queued from now on. */
  listen(): void {
    if (this._local === null) this.bind(["0.0.0.0", 0]);
    this._listening = true;
    this._state = "listening";
  }

  /**
   * Non-blocking connect(): always "in progress" (EINPROGRESS), as on
   * loopback; by the next poll the socket is connected (writable) or
   * refused (an error: readable and writable).
   */
  connect(address: Address): void {
    const kernel = this._kernel;
    const net = kernel._net;
    if (net !== null) {
      const to = net._hostAt(address[0], this.host);
      if (this._local === null) this._local = [to === this.host ? "127.0.0.1" : this.host.address, this.host._ephemeralPort()];
      if (!net._direct(this, to)) {
        net._connect(this, to, address);
        return;
      }
      this._connectNow(to, address);
      return;
    }
    if (this._local === null) this._local = ["127.0.0.1", this.host._ephemeralPort()];
    this._connectNow(this.host, address);
  }

  /** @internal connect() on a perfect path: the handshake completes inside the call, as on loopback. */
  _connectNow(to: Host, address: Address): void {
    const kernel = this._kernel;
    const listener = to._up ? to._bound.get(address[1]) : undefined;
    traceTransfer(kernel._net, "connect", this.host, to);
    // a listener bound to 127.0.0.1 does not see connections from other hosts
    const loopbackOnly = to !== this.host && listener !== undefined && listener._local !== null && listener._local[0].startsWith("127.");
    if (listener === undefined || !listener._listening || listener._state !== "listening" || loopbackOnly) {
      traceTransfer(kernel._net, "refused", to, this.host);
      // Ordering: the reset answering the SYN wakes the socket (error: readable and writable).
      this._error = ECONNREFUSED;
      this._state = "closed";
      kernel._wake(this);
      return;
    }
    const child = new SimSocket(kernel, kernel._nextFd++, to);
    child._local = to === this.host ? listener._local : [to.address, address[1]];
    child._peerAddr = this._local;
    child._peer = this;
    child._state = "connected";
    this._peerAddr = [address[0], address[1]];
    this._peer = child;
    this._state = "connected";
    // Ordering: the handshake's last ACK queues the connection on the listener
    // (a wakeup) before the connecting socket's writer is even registered.
    listener._backlog.push(child);
    kernel._wake(listener);
    kernel._wake(this);
    traceTransfer(kernel._net, "synack", to, this.host);
  }

  /** Non-blocking accept(): the oldest queued connection. @throws WouldBlock when none. */
  accept(): [SimSocket, Address] {
    const conn = this._backlog.shift();
    if (conn === undefined) throw WOULD_BLOCK;
    return [conn, conn._peerAddr as Address];
  }

  /**
   * @internal accept() for the server's accept loop: the next queued
   * connection, or null where accept() raises EAGAIN (that loop ends on every
   * readiness event by finding the queue empty: a throw each time was a tenth
   * of an explored request/reply run).
   */
  _acceptNext(): SimSocket | null {
    return this._backlog.shift() ?? null;
  }

  /** getsockopt(SOL_SOCKET, SO_ERROR): the pending error, cleared by reading it. */
  takeError(): number {
    const e = this._error;
    this._error = 0;
    return e;
  }

  /**
   * Non-blocking send(): takes every byte (unbounded buffers) and puts them
   * in the peer's receive buffer at once.
   * @throws ConnectionResetError after a reset, BrokenPipeError after this side's FIN.
   */
  send(data: Uint8Array): number {
    if (this._error !== 0) {
      const errno = this.takeError();
      throw errnoError(errno, strerror(errno));
    }
    if (this._finOut || this._reset || this._state !== "connected") throw errnoError(EPIPE, "Broken pipe");
    const peer = this._peer as SimSocket;
    if (data.length === 0) return 0;
    const net = this._kernel._net;
    if (net !== null && !net._direct(this, peer.host)) {
      net._send(this, "data", data.slice());
      return data.length;
    }
    if (peer._state === "closed") {
      // The peer's socket is gone: its kernel answers with a reset.
      traceTransfer(net, "data", this.host, peer.host, data.length);
      traceTransfer(net, "rst", peer.host, this.host);
      this._resetBy();
      return data.length;
    }
    const room = peer._rcvbuf - peer._recvLen;
    if (room <= 0) throw WOULD_BLOCK;
    const n = Math.min(data.length, room);
    traceTransfer(net, "data", this.host, peer.host, n);
    peer._recv.push(data.slice(0, n));
    peer._recvLen += n;
    this._kernel._wake(peer);
    return n;
  }

  /**
   * Non-blocking sendmsg(): the chunks in one syscall, so an error or a
   * reset is seen once for all of them (to a peer that has closed, the call
   * succeeds and the reset comes back), and a bounded receive buffer takes
   * what fits, in order. Returns the number of bytes taken.
   * @throws ConnectionResetError after a reset, BrokenPipeError after this side's FIN; WouldBlock when there is no room.
   */
  sendmsg(chunks: readonly Uint8Array[]): number {
    if (this._error !== 0) {
      const errno = this.takeError();
      throw errnoError(errno, strerror(errno));
    }
    if (this._finOut || this._reset || this._state !== "connected") throw errnoError(EPIPE, "Broken pipe");
    const peer = this._peer as SimSocket;
    let total = 0;
    for (let i = 0; i < chunks.length; i++) total += chunks[i].length;
    if (total === 0) return 0;
    if (peer._state === "closed") {
      this._resetBy();
      return total;
    }
    let room = peer._rcvbuf - peer._recvLen;
    if (room <= 0) throw new WouldBlock(11, "Resource temporarily unavailable");
    let n = 0;
    for (let i = 0; i < chunks.length && room > 0; i++) {
      const chunk = chunks[i];
      const k = Math.min(chunk.length, room);
      if (k === 0) continue;
      peer._recv.push(chunk.slice(0, k));
      room -= k;
      n += k;
    }
    peer._recvLen += n;
    this._kernel._wake(peer);
    return n;
  }

  /**
   * Non-blocking recv(n): bytes if there are any (never the FIN with them),
   * else b'' after a FIN, even if a reset came after it (Linux's
   * tcp_recvmsg checks for a FIN before the pending error).
   * @throws ConnectionResetError once after a reset; WouldBlock when nothing is there.
   */
  recv(n: number): Uint8Array {
    if (this._recvLen > 0) {
      const first = this._recv[0];
      if (first.length <= n && this._recv.length === 1) {
        this._recv.length = 0;
        this._recvLen = 0;
        this._roomMade();
        return first;
      }
      const take = Math.min(n, this._recvLen);
      const out = new Uint8Array(take);
      let off = 0;
      while (off < take) {
        const chunk = this._recv[0];
        const k = Math.min(chunk.length, take - off);
        out.set(chunk.subarray(0, k), off);
        off += k;
        if (k === chunk.length) this._recv.shift();
        else this._recv[0] = chunk.subarray(k);
      }
      this._recvLen -= take;
      this._roomMade();
      return out;
    }
    if (this._finIn) return new Uint8Array(0);
    if (this._error !== 0) {
      const errno = this.takeError();
      throw errnoError(errno, strerror(errno));
    }
    if (this._reset) return new Uint8Array(0);
    throw WOULD_BLOCK;
  }

  /** Reading made room in a bounded receive buffer: the sender may be writable again (a wakeup). */
  private _roomMade(): void {
    const peer = this._peer;
    if (this._rcvbuf !== Infinity && peer !== null && peer._state === "connected") this._kernel._wake(peer);
  }

  /**
   * shutdown(SHUT_WR): sends the FIN; the peer reads EOF after the bytes before it.
   * @throws OSError ENOTCONN (107) on a connection that was reset (Linux: TCP_CLOSE).
   */
  shutdownWrite(): void {
    if (this._reset) throw new OSError(ENOTCONN, "Transport endpoint is not connected");
    if (this._finOut || this._state !== "connected") return;
    this._finOut = true;
    const peer = this._peer as SimSocket;
    const net = this._kernel._net;
    if (net !== null && !net._direct(this, peer.host)) {
      net._send(this, "fin", null);
      return;
    }
    traceTransfer(net, "fin", this.host, peer.host);
    if (peer._state === "connected") {
      peer._finIn = true;
      this._kernel._wake(peer);
      // Ordering: the peer's ACK of the FIN moves this socket to FIN_WAIT_2 (or
      // from LAST_ACK to CLOSE), and Linux's tcp_rcv_state_process wakes it with
      // sk_state_change: it joins the ready list now, ready or not.
      this._kernel._wakeWithoutEvents(this);
    }
  }

  /**
   * close(): a FIN to the peer, or a reset if bytes were left unread (as
   * Linux does); the socket leaves the selector.
   */
  close(): void {
    if (this._state === "closed" && this._mask === 0) return;
    const kernel = this._kernel;
    kernel._unregister(this);
    this.host._sockets.delete(this);
    const peer = this._peer;
    const wasConnected = this._state === "connected";
    this._state = "closed";
    const net = kernel._net;
    if (this._listening) {
      this._listening = false;
      // Linux resets the connections still waiting to be accepted
      for (const conn of this._backlog.splice(0)) {
        conn._state = "closed";
        conn.host._sockets.delete(conn);
        const client = conn._peer;
        if (client === null) continue;
        if (net !== null && !net._direct(conn, client.host)) net._send(conn, "rst", null);
        else if (client._state === "connected" || client._state === "connecting") {
          traceTransfer(net, "rst", conn.host, client.host);
          client._resetBy();
        }
      }
      if (this.host._bound.get((this._local as Address)[1]) === this) this.host._bound.delete((this._local as Address)[1]);
    }
    if (wasConnected && peer !== null && net !== null && !net._direct(this, peer.host)) {
      if (this._recvLen > 0) net._send(this, "rst", null);
      else if (!this._finOut) {
        this._finOut = true;
        net._send(this, "fin", null);
      }
      return;
    }
    if (wasConnected && peer !== null && peer._state === "connected") {
      if (this._recvLen > 0) {
        traceTransfer(net, "rst", this.host, peer.host);
        peer._resetBy();
      } else if (!this._finOut) {
        traceTransfer(net, "fin", this.host, peer.host);
        this._finOut = true;
        peer._finIn = true;
        kernel._wake(peer);
      }
    }
  }

  /**
   * @internal The peer reset the connection: ECONNRESET on the next send, or on
   * the recv after the bytes already received (Linux keeps them), then EOF.
   * A reset that arrives after the peer's FIN, while this side has not sent
   * its own (TCP's CLOSE_WAIT), is EPIPE: Linux's tcp_reset() says so.
   */
  _resetBy(): void {
    this._error = this._finIn && !this._finOut ? EPIPE : ECONNRESET;
    this._reset = true;
    this._state = "closed";
    this._kernel._wake(this);
  }

  /** Can send() take a byte now (the peer's receive buffer has room, or the peer is gone)? */
  private _hasRoom(): boolean {
    const peer = this._peer;
    return peer === null || peer._state !== "connected" || peer._recvLen < peer._rcvbuf;
  }

  /**
   * @internal What epoll reports for the registered `mask`, as selectors
   * events: EPOLLIN for bytes, a FIN or a queued connection; EPOLLOUT for a
   * connected socket; an error or hang-up reports both (asyncio's
   * EpollSelector turns any bit but EPOLLIN into EVENT_WRITE and any bit but
   * EPOLLOUT into EVENT_READ).
   */
  _events(mask: number): number {
    if (this._error !== 0) return EVENT_READ | EVENT_WRITE;
    // EPOLLHUP: reset, both directions shut, or a connect that failed
    const hup = this._reset || (this._finIn && this._finOut) || (this._state === "closed" && this._peer === null && !this._listening);
    if (hup) return EVENT_READ | EVENT_WRITE;
    let ev = 0;
    if (mask & EVENT_READ && (this._recvLen > 0 || this._finIn || this._backlog.length > 0)) ev |= EVENT_READ;
    if (mask & EVENT_WRITE && this._state === "connected" && this._hasRoom()) ev |= EVENT_WRITE;
    return ev;
  }
}

/** The kernel of one loop's world: its hosts, sockets and epoll ready list. */
export class Kernel {
  /** @internal */ _nextFd = 6; // 0-2 are stdio, 3-5 the loop's epoll and self-pipe, as in CPython
  /** @internal epoll's ready list, in order */ _readyList: Pollable[] = [];
  /**
   * The host a program runs on unless it puts tasks on others: "main", at
   * 10.0.0.1 for the other hosts (on every host, "localhost" and 127.0.0.1
   * are the host itself).
   */
  readonly localhost = new Host("main", "10.0.0.1");
  /** @internal the simulated network once a program asks for it (hosts, links, faults); null: loopback only */
  _net: Network | null = null;
  /**
   * @internal Work the rest of the simulated machine does before each
   * select: the simulated child processes that can make progress (src/process)
   * run here, as the recorder lets real children settle before it polls.
   */
  _settle: (() => void) | null = null;

  /** A new TCP socket on the current host. Mirrors socket.socket(). */
  socket(): SimSocket {
    return new SimSocket(this, this._nextFd++, this._net === null ? this.localhost : this._net._currentHost());
  }

  /** @internal would select() report anything now? */
  _anyReady(): boolean {
    if (this._settle !== null) this._settle(); // children that can write or exit do so first, as before a select
    for (const sock of this._readyList) if (sock._mask !== 0 && sock._events(sock._mask) !== 0) return true;
    return false;
  }

  /** @internal a new file descriptor number (pipes and pidfds share the numbering with sockets) */
  _newFd(): number {
    return this._nextFd++;
  }

  /** @internal a wakeup: a registered socket that is now ready joins the ready list's tail. */
  _wake(sock: Pollable): void {
    if (sock._mask !== 0 && !sock._onReadyList && sock._events(sock._mask) !== 0) {
      sock._onReadyList = true;
      this._readyList.push(sock);
    }
  }

  /**
   * @internal a wakeup without events (sk_state_change): a registered socket
   * joins the ready list's tail even if it is not ready; the next poll drops
   * it unless something made it ready meanwhile.
   */
  _wakeWithoutEvents(sock: Pollable): void {
    if (sock._mask !== 0 && !sock._onReadyList) {
      sock._onReadyList = true;
      this._readyList.push(sock);
    }
  }

  /** @internal epoll_ctl ADD/MOD: a socket ready for its new mask joins the ready list (if not on it). */
  _register(sock: Pollable, mask: number): void {
    sock._mask = mask;
    this._wake(sock);
  }

  /** @internal epoll_ctl DEL */
  _unregister(sock: Pollable): void {
    sock._mask = 0;
    sock._key = [null, null];
    if (sock._onReadyList) {
      sock._onReadyList = false;
      const list = this._readyList;
      const i = list.indexOf(sock);
      if (i >= 0) {
        // (in place: splice would make an array of the removed one every time)
        for (let j = i + 1; j < list.length; j++) list[j - 1] = list[j];
        list.length--;
      }
    }
  }

  /**
   * epoll_wait(0): the ready sockets in ready-list order, with their events,
   * written into `socks` and `events` (the caller's arrays, reused every
   * iteration: no array or record per poll); returns how many. The ones no
   * longer ready leave the list.
   */
  select(socks: Pollable[], events: number[]): number {
    if (this._settle !== null) this._settle();
    const list = this._readyList;
    let n = 0;
    for (let i = 0; i < list.length; i++) {
      const sock = list[i];
      const ev = sock._mask === 0 ? 0 : sock._events(sock._mask);
      if (ev === 0) {
        sock._onReadyList = false;
        continue;
      }
      list[n] = sock;
      socks[n] = sock;
      events[n] = ev;
      n++;
    }
    if (n < list.length) list.length = n;
    return n;
  }
}
