/**
 * Datagram (UDP) sockets of the simulated kernel, on a perfect loopback
 * network: a sendto() puts the datagram in the receiver's queue inside the
 * syscall, as Linux does on loopback, and each recvfrom() takes one datagram.
 *
 * A UDP socket is a SimSocket (kernel.ts) so that it joins the same epoll
 * ready list and selector registration as TCP sockets; it overrides the
 * calls whose meaning differs. UDP ports are their own namespace, as in the
 * kernel: a UDP and a TCP socket may hold the same port number.
 *
 * Delivery is one small function, `deliver`, so that the network's
 * decisions about datagrams (lose, duplicate, reorder: tape choices, later)
 * have one place to go.
 */
import { OSError } from "../errors.js";
import { type Address, ECONNREFUSED, EVENT_READ, EVENT_WRITE, type Host, type Kernel, SimSocket, WouldBlock, errnoError } from "./kernel.js";

/** The bound UDP sockets of each host, by port. */
const udpPorts = new WeakMap<Host, Map<number, UdpSocket>>();

/** @internal the UDP ports bound on `host` */
export function portsOf(host: Host): Map<number, UdpSocket> {
  let ports = udpPorts.get(host);
  if (ports === undefined) {
    ports = new Map();
    udpPorts.set(host, ports);
  }
  return ports;
}

/** A free ephemeral port for UDP (the host's counter, skipping UDP ports in use). */
function ephemeralPort(host: Host): number {
  const ports = portsOf(host);
  let port = host._ephemeralPort();
  while (ports.has(port)) port = host._ephemeralPort();
  return port;
}

/** One UDP socket (socket.socket(type=SOCK_DGRAM)) of the simulated kernel. */
export class UdpSocket extends SimSocket {
  /** The socket type (socket.type.name) */
  readonly type = "SOCK_DGRAM";
  /** @internal datagrams received and not yet read, with their source address */ readonly _dgrams: [Uint8Array, Address][] = [];
  /** @internal connect()'s address: the only destination and the only source accepted */ _connectedTo: Address | null = null;

  /** A new UDP socket of `kernel`. Mirrors `socket.socket(AF_INET, SOCK_DGRAM)`. */
  static create(kernel: Kernel): UdpSocket {
    return new UdpSocket(kernel, kernel._newFd(), kernel._net === null ? kernel.localhost : kernel._net._currentHost());
  }

  /**
   * socket.bind((host, port)): port 0 picks a free port.
   * @throws OSError EADDRINUSE (98) if another UDP socket holds the port; OSError 22 if already bound.
   */
  override bind(address: Address): void {
    if (this._local !== null) throw new OSError(22, "Invalid argument");
    const ports = portsOf(this.host);
    if (address[1] !== 0 && ports.has(address[1])) throw new OSError(98, "Address already in use");
    const port = address[1] === 0 ? ephemeralPort(this.host) : address[1];
    this._local = [address[0], port];
    ports.set(port, this);
  }

  /** Binds to a free port of `host` if not bound yet (as the first sendto() or connect() does). */
  private _autobind(host: string): void {
    if (this._local === null) this.bind([host, 0]);
  }

  /** UDP has no listen(). @throws OSError EOPNOTSUPP (95). */
  override listen(): void {
    throw new OSError(95, "Operation not supported");
  }

  /** UDP has no accept(). @throws OSError EOPNOTSUPP (95). */
  override accept(): [SimSocket, Address] {
    throw new OSError(95, "Operation not supported");
  }

  /** connect(): sets the default destination and filters the sources; no handshake, it never blocks. */
  override connect(address: Address): void {
    this._autobind("127.0.0.1");
    if (this._local !== null && this._local[0] === "0.0.0.0") this._local = ["127.0.0.1", this._local[1]];
    this._connectedTo = [address[0], address[1]];
    this._peerAddr = this._connectedTo;
    this._state = "connected";
  }

  /** socket.getpeername() @throws OSError ENOTCONN (107) when not connected */
  override getpeername(): Address {
    if (this._connectedTo === null) throw new OSError(107, "Transport endpoint is not connected");
    return this._connectedTo;
  }

  /**
   * sendto(data, address): one datagram, delivered at once (or, with nothing
   * bound there, answered by ICMP port unreachable: ConnectionRefusedError on a
   * connected socket's next recvfrom, nothing on an unconnected one, as Linux).
   * @throws OSError EBADF (9) after close.
   */
  sendto(data: Uint8Array, address: Address): number {
    if (this._state === "closed") throw new OSError(9, "Bad file descriptor");
    this._autobind("0.0.0.0");
    const local = this._local as Address;
    const net = this._kernel._net;
    const to = net === null ? this.host : net._hostAt(address[0], this.host);
    if (net !== null && to !== this.host) {
      // to another host: the network decides (latency, loss, duplication, partitions)
      net._sendDatagram(this, to, address, data.slice(), [this.host.address, local[1]]);
      return data.length;
    }
    const from: Address = [local[0] === "0.0.0.0" ? "127.0.0.1" : local[0], local[1]];
    const target = portsOf(this.host).get(address[1]);
    if (target === undefined) {
      if (this._connectedTo !== null) {
        this._error = ECONNREFUSED;
        this._kernel._wake(this);
      }
      return data.length;
    }
    deliver(target, data.slice(), from);
    return data.length;
  }

  /**
   * send(data) on a connected socket: sendto its peer.
   * @throws OSError EDESTADDRREQ (89) when not connected.
   */
  override send(data: Uint8Array): number {
    if (this._connectedTo === null) throw new OSError(89, "Destination address required");
    return this.sendto(data, this._connectedTo);
  }

  /**
   * recvfrom(n): the oldest datagram (cut to n bytes) and its source.
   * @throws ConnectionRefusedError once after an ICMP port unreachable; WouldBlock when the queue is empty.
   */
  recvfrom(n: number): [Uint8Array, Address] {
    if (this._error !== 0) {
      const errno = this.takeError();
      throw errnoError(errno, errno === ECONNREFUSED ? "Connection refused" : "error");
    }
    const first = this._dgrams.shift();
    if (first === undefined) throw new WouldBlock(11, "Resource temporarily unavailable");
    return first[0].length > n ? [first[0].slice(0, n), first[1]] : first;
  }

  /** recv(n): recvfrom without the address. */
  override recv(n: number): Uint8Array {
    return this.recvfrom(n)[0];
  }

  /** close(): unbinds the port, drops what was not read, leaves the selector. */
  override close(): void {
    if (this._state === "closed") return;
    this._kernel._unregister(this);
    this._state = "closed";
    this._dgrams.length = 0;
    this.host._sockets.delete(this);
    if (this._local !== null && portsOf(this.host).get(this._local[1]) === this) portsOf(this.host).delete(this._local[1]);
  }

  /** @internal EPOLLIN for a queued datagram; EPOLLOUT always (UDP sends never wait here); an error reports both. */
  override _events(mask: number): number {
    if (this._state === "closed") return 0;
    if (this._error !== 0) return EVENT_READ | EVENT_WRITE;
    let ev = 0;
    if (mask & EVENT_READ && this._dgrams.length > 0) ev |= EVENT_READ;
    if (mask & EVENT_WRITE) ev |= EVENT_WRITE;
    return ev;
  }
}

/**
 * The network hands one datagram to the socket bound at its destination:
 * on the perfect network it joins the receive queue at once (a wakeup). A
 * connected socket takes datagrams from its peer only (Linux drops the rest).
 * Network decisions about datagrams (loss, duplication, reordering) belong here.
 */
export function deliver(target: UdpSocket, data: Uint8Array, from: Address): void {
  const peer = target._connectedTo;
  if (peer !== null && (peer[1] !== from[1] || (from[0] !== "127.0.0.1" && peer[0] !== from[0] && !peer[0].startsWith("127.")))) return;
  target._dgrams.push([data, from]);
  target._kernel._wake(target);
}
