/**
 * What is on the wire of the simulated network (network.ts): the messages
 * in flight, by arrival time, and the ones a partition or hold keeps; what
 * sending one decides (rules, loss, latency) and what its arrival does to
 * the receiving socket (a connection's handshake, bytes, a FIN, a reset, a
 * datagram). The Network decides which paths are perfect and owns hosts,
 * links and faults; this is the part between a send() and an arrival.
 */
import { UsageError } from "../errors.js";
import { showTyped } from "../util/showValue.js";
import { ECONNREFUSED, ETIMEDOUT, type Address, type Host, SimSocket } from "./kernel.js";
import type { InFlight, Latency, MessageInfo, MessageKind, Network } from "./network.js";
import { deliver as deliverDatagram, portsOf, type UdpSocket } from "./udp.js";

/** @internal what the IO phase asks the loop's selector: would select() report anything, is a handle ready? */
export interface IoPhase {
  _nothingReady(): boolean;
}

/** @internal How a link behaves (see LinkOptions). */
export interface Link {
  latency: Latency;
  loss: number;
  duplicate: number;
}

/** @internal A link with no latency, loss or duplication (the default). */
export const PERFECT: Link = { latency: 0, loss: 0, duplicate: 0 };

/** @internal The smallest latency a link can give. */
export function minLatency(l: Latency): number {
  return typeof l === "number" ? l : l[0];
}

/** @internal A message on the wire. */
export interface Message {
  id: number;
  seq: number;
  time: number;
  /**
   * "retry": a connecting socket sends its SYN again now; "timeout": it gives
   * up; "giveup": a connected socket gives up on the bytes a partition or a
   * hold keeps (Linux's retransmissions run out)
   */
  kind: MessageKind | "timeout" | "retry" | "giveup";
  /** the sending socket: its messages arrive in the order sent (null: an answer from no socket) */
  from: SimSocket | null;
  /** the receiving socket (a SYN's is the connecting socket it answers to) */
  to: SimSocket | null;
  fromHost: Host;
  toHost: Host;
  bytes: Uint8Array | null;
  /** a SYN's destination */
  address: Address | null;
  /** a SYN: when connect() was called (its retries count from there) */
  start: number;
  lost: boolean;
  held: boolean;
  sent: number;
  /** a "giveup": the kept message it gives up on, if that one is still kept then */
  kept?: Message;
  /** a datagram: its source address, and the socket that sent it (for an ICMP port unreachable) */
  source?: Address;
  sender?: UdpSocket;
}

/** Linux (tcp_syn_retries = 6): a SYN nobody answers is sent again this many seconds after connect() ... */
const SYN_RETRIES = [1, 3, 7, 15, 31, 63];
/** ... and connect() fails with ETIMEDOUT after this many. */
const SYN_TIMEOUT = 127;
/**
 * Linux (tcp_retries2 = 15): bytes nobody acknowledges are sent again 15 times,
 * the wait doubling from 200 ms up to 120 s, 0.2 (2^10 - 1) + 6 x 120 = 924.6 s
 * after they were first sent; then the connection ends with ETIMEDOUT. (Linux
 * starts from the measured round trip; a link's latency here is far below the
 * 200 ms floor.)
 */
const TCP_GIVE_UP = 924.6;
const EMPTY = new Uint8Array(0);

/** @internal The messages of one network, and their arrivals. */
export class Wire {
  /** messages on their way, by (time, seq) */
  private _queue: Message[] = [];
  /** messages a partition or hold keeps, in the order sent */
  private _held: Message[] = [];
  private _seq = 0;
  private _ids = 0;
  /**
   * @internal In the IO phase: what happens now (arrivals, the answers they
   * send, the decisions they take) belongs to the iteration about to begin,
   * which the loop counts only after its IO phase (baseEventLoop:
   * _processEvents, then _beginIteration).
   */
  _inIo = false;

  constructor(private readonly net: Network) {}

  /** @internal the messages on their way now, in arrival order, then the ones held */
  _inFlight(): InFlight[] {
    const show = (m: Message): InFlight => ({
      id: m.id,
      kind: m.kind === "timeout" || m.kind === "retry" || m.kind === "giveup" ? "syn" : m.kind, // (give-ups are never shown)
      from: m.fromHost.name,
      to: m.toHost.name,
      bytes: m.bytes ?? EMPTY,
      sent: m.sent,
      due: m.held ? Infinity : m.time,
      held: m.held,
      lost: m.lost,
    });
    // (a handshake's ACK is the kernel's, as its timers are: not shown)
    const shown = (m: Message): boolean => m.kind !== "timeout" && m.kind !== "retry" && m.kind !== "ack" && m.kind !== "giveup";
    return [...this._queue.filter(shown).map(show), ...this._held.filter(shown).map(show)];
  }

  /** @internal the IO phase (see Network._deliver): deliver what is due; with nothing ready and no timer sooner, move the clock to the next arrival */
  _deliver(io: IoPhase): void {
    const loop = this.net._loop;
    this._inIo = true;
    try {
      this._deliverDue(loop.time());
      while (this._queue.length > 0 && io._nothingReady() && !loop._stopping) {
        const next = this._queue[0].time;
        if (next > loop._nextTimerWhen()) return;
        loop._advanceClock(next);
        this._deliverDue(next);
      }
    } finally {
      this._inIo = false;
    }
  }

  /** @internal a new message, numbered, sent now */
  _message(kind: Message["kind"], from: SimSocket | null, to: SimSocket | null, fromHost: Host, toHost: Host, bytes: Uint8Array | null): Message {
    const now = this.net._loop.time();
    // (a handshake's ACK and a give-up are not shown: they take no number from the ones traces and `vloop step` show)
    return { id: kind === "ack" || kind === "giveup" ? 0 : ++this._ids, seq: ++this._seq, time: now, kind, from, to, fromHost, toHost, bytes, address: null, start: now, lost: false, held: false, sent: now };
  }

  /**
   * @internal Sends a message: rules, loss and latency decide when (and
   * whether) it arrives. The handshake's last ACK is the kernel's own (see
   * _arrive's "synack"): no rule sees it, it is never lost, it takes the
   * link's lowest latency (so it adds no decision to the tape), and traces
   * do not show it (as they do not show the kernel's timers).
   */
  _post(m: Message): void {
    const loop = this.net._loop;
    const link = this.net._link(m.fromHost, m.toHost);
    const ack = m.kind === "ack";
    let delay = ack ? minLatency(link.latency) : this._latency(link, m);
    if (!ack && this.net._rules.length !== 0 && m.fromHost !== m.toHost && m.kind !== "timeout" && m.kind !== "retry" && m.kind !== "giveup") {
      const info: MessageInfo = { id: m.id, kind: m.kind, from: m.fromHost.name, to: m.toHost.name, bytes: m.bytes ?? EMPTY, sent: m.sent };
      for (const rule of this.net._rules) {
        let v: ReturnType<typeof rule>;
        try {
          v = rule(info);
        } catch (error) {
          this.net._loop._fatal(error); // the rule's own error stops the run (not a lost connection)
          throw error;
        }
        if (v === undefined || v === "deliver") continue;
        if (v === "drop") m.lost = true;
        else if (v === "hold") m.held = true;
        else if (typeof v === "object" && v !== null && typeof v.delay === "number" && v.delay >= 0 && Number.isFinite(v.delay)) delay += v.delay;
        else {
          // a broken rule is the test's mistake, not the network's: stop the run (a transport would take it for a lost connection)
          const error = new UsageError(`network().rule: a rule must return "deliver", "drop", "hold", { delay: seconds >= 0 } or undefined (got ${showTyped(v)})`);
          this.net._loop._fatal(error);
          throw error;
        }
        break;
      }
    }
    if (!m.lost && link.loss > 0 && (m.kind === "data" || m.kind === "syn" || m.kind === "datagram") && loop._policy.chooses) {
      const p = Math.min(1, link.loss * loop._faultScale);
      m.lost = loop._choices.chooseNet(2, () => [`deliver ${this._describe(m)}`, `lose ${this._describe(m)}`], [1 - p, p], this._inIo) === 1;
    }
    if (m.from !== null) {
      m.from._inFlight++;
    }
    if (this.net._loop._tracer !== null && !ack) this.net._trace("send", m.fromHost.name, m.toHost.name, this._describe(m), m.id);
    const blockedNow = m.kind !== "syn" && m.kind !== "datagram" && this.net._blocked(m.fromHost, m.toHost);
    if (m.held || blockedNow || (m.from !== null && this._held.some((h) => h.from === m.from))) {
      this._keep(m);
      return;
    }
    m.time = loop.time() + delay;
    if (m.from !== null && m.time < m.from._lastArrival) m.time = m.from._lastArrival;
    if (m.from !== null) m.from._lastArrival = m.time;
    this._enqueue(m);
  }

  /** @internal The latency a message takes on `link`: a decision among three buckets for a range. */
  _latency(link: Link, m: Message): number {
    const l = link.latency;
    if (typeof l === "number") return l;
    const [lo, hi] = l;
    if (lo === hi || !this.net._loop._policy.chooses) return lo;
    const mid = (lo + hi) / 2;
    const k = this.net._loop._choices.chooseNet(3, () => [`${this._describe(m)} in ${lo}s`, `${this._describe(m)} in ${mid}s`, `${this._describe(m)} in ${hi}s`], null, this._inIo);
    return k === 0 ? lo : k === 1 ? mid : hi;
  }

  /** @internal puts a message in the queue by (arrival time, order sent) */
  _enqueue(m: Message): void {
    const q = this._queue;
    let lo = 0;
    let hi = q.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const x = q[mid];
      if (x.time < m.time || (x.time === m.time && x.seq < m.seq)) lo = mid + 1;
      else hi = mid;
    }
    q.splice(lo, 0, m);
  }

  /** @internal Delivers every message due at `now`; messages due together from different senders arrive in an order the policy picks (0: the order sent). */
  _deliverDue(now: number): void {
    const q = this._queue;
    while (q.length > 0 && q[0].time <= now) {
      let end = 1;
      while (end < q.length && q[end].time === q[0].time) end++;
      let pick = 0;
      const first = q[0].kind;
      const internal = first === "retry" || first === "timeout" || first === "ack" || first === "giveup"; // kernel timers (and a handshake's ACK) go first, as they fall due
      if (end > 1 && !internal && this.net._loop._policy.chooses) {
        // the first message of each sender in this group may go first
        const heads: number[] = [];
        const seen = new Set<SimSocket | null>();
        for (let i = 0; i < end; i++) {
          const kind = q[i].kind;
          if (kind === "retry" || kind === "timeout" || kind === "giveup") continue; // a timer of the sender's kernel, not an arrival
          if (kind === "ack") {
            // the kernel's: not an alternative, and what its socket sent after it stays behind it
            seen.add(q[i].from);
            continue;
          }
          const s = q[i].from;
          if (s === null || !seen.has(s)) {
            if (s !== null) seen.add(s);
            heads.push(i);
          }
        }
        if (heads.length > 1) {
          const k = this.net._loop._choices.chooseNet(heads.length, () => heads.map((i) => `${this._describe(q[i])} arrives first`), null, this._inIo);
          pick = heads[k];
        }
      }
      // (no splice: it makes an array, and destructuring it runs the iterator protocol)
      const m = q[pick];
      if (pick === 0) q.shift();
      else q.splice(pick, 1);
      this._arrive(m);
    }
  }

  /** @internal A message arrives (or a partition keeps it, or its loss resets the connection). */
  _arrive(m: Message): void {
    const from = m.from;
    if (from !== null) from._inFlight--;
    if (m.kind === "timeout") {
      const sock = m.to as SimSocket;
      if (sock._state === "connecting") this._fail(sock, ETIMEDOUT);
      return;
    }
    if (m.kind === "giveup") {
      const kept = m.kept as Message;
      const sock = m.to as SimSocket;
      if (kept.held && sock._state === "connected") this._giveUp(sock);
      return;
    }
    if (m.kind === "retry") {
      // the SYN goes out again now (a decision of its own: it may be lost again)
      const sock = m.to as SimSocket;
      if (sock._state !== "connecting") return;
      const syn = this._message("syn", sock, null, m.fromHost, m.toHost, null);
      syn.address = m.address;
      syn.start = m.start;
      this._post(syn);
      return;
    }
    if (m.kind === "datagram" && (!m.toHost._up || (this.net._cut.size !== 0 && this.net._cut.has(`${m.fromHost.name}>${m.toHost.name}`)))) {
      if (this.net._loop._tracer !== null) this.net._trace("drop", m.fromHost.name, m.toHost.name, `${this._describe(m)} (${m.toHost._up ? "partition" : "host down"})`, m.id);
      return; // UDP does not retransmit
    }
    if (this.net._blocked(m.fromHost, m.toHost) || !m.toHost._up) {
      if (m.kind === "syn") {
        if (this.net._loop._tracer !== null) this.net._trace("drop", m.fromHost.name, m.toHost.name, `${this._describe(m)} (${m.toHost._up ? "partition" : "host down"})`, m.id);
        return this._retrySyn(m);
      }
      if (!m.toHost._up) {
        if (this.net._loop._tracer !== null && m.kind !== "ack") this.net._trace("drop", m.fromHost.name, m.toHost.name, `${this._describe(m)} (host down)`, m.id);
        return;
      }
      if (from !== null) from._inFlight++;
      this._keep(m);
      return;
    }
    if (m.lost) {
      if (this.net._loop._tracer !== null) this.net._trace("drop", m.fromHost.name, m.toHost.name, this._describe(m), m.id);
      if (m.kind === "syn") return this._retrySyn(m);
      if (m.kind === "datagram") return;
      // a lost segment of a stream resets the connection, both ends (as turmoil does)
      if (from !== null && (from._state === "connected" || from._state === "connecting")) from._resetBy();
      if (m.to !== null && m.to._state === "connected") m.to._resetBy();
      return;
    }
    if (this.net._loop._tracer !== null && m.kind !== "ack") this.net._trace("deliver", m.fromHost.name, m.toHost.name, this._describe(m), m.id);
    switch (m.kind) {
      case "datagram": {
        const target = portsOf(m.toHost).get((m.address as Address)[1]);
        if (target !== undefined) return deliverDatagram(target, m.bytes as Uint8Array, m.source as Address);
        // nothing bound there: the ICMP port unreachable tells a connected sender (as Linux)
        const sender = m.sender as UdpSocket;
        if (sender._connectedTo !== null && sender._state !== "closed") {
          sender._error = ECONNREFUSED;
          this.net._kernel._wake(sender);
        }
        return;
      }
      case "syn":
        return this._accept(m);
      case "synack": {
        const client = m.to as SimSocket;
        const child = from as SimSocket;
        if (client._state !== "connecting") {
          // the connecting socket was closed meanwhile: its kernel answers with a reset
          if (child._state === "connected") this._answerReset(child);
          return;
        }
        client._peer = child;
        client._state = "connected";
        this.net._kernel._wake(client);
        // the handshake's last ACK: the server accepts the connection when it arrives
        this._post(this._message("ack", client, child, client.host, child.host, null));
        return;
      }
      case "ack": {
        const child = m.to as SimSocket;
        if (child._state !== "connected") return; // reset meanwhile
        const listener = child.host._bound.get((child._local as Address)[1]);
        if (listener === undefined || !listener._listening || listener._state !== "listening") {
          // nobody listens there any more: Linux answers the ACK with a reset
          child._state = "closed";
          child.host._sockets.delete(child);
          this._answerReset(child._peer as SimSocket);
          return;
        }
        listener._backlog.push(child);
        this.net._kernel._wake(listener);
        return;
      }
      case "refused":
        if ((m.to as SimSocket)._state === "connecting") this._fail(m.to as SimSocket, ECONNREFUSED);
        return;
      case "rst": {
        const to = m.to as SimSocket;
        if (to._state === "connected" || to._state === "connecting") to._resetBy();
        return;
      }
      case "data":
      case "fin": {
        const to = m.to as SimSocket;
        if (to._state !== "connected") {
          // the receiving socket is gone: its kernel answers with a reset
          if (to._state === "closed" && !to._reset && from !== null && from._state === "connected") this._answerReset(from);
          return;
        }
        if (m.kind === "data") {
          const bytes = m.bytes as Uint8Array;
          to._recv.push(bytes);
          to._recvLen += bytes.length;
        } else {
          to._finIn = true;
        }
        this.net._kernel._wake(to);
        return;
      }
    }
  }

  /** @internal A reset from the host of a gone socket back to `sock` (over the network). */
  _answerReset(sock: SimSocket): void {
    const m = this._message("rst", null, sock, (sock._peer as SimSocket).host, sock.host, null);
    this._post(m);
  }

  /** @internal a SYN arrived: a listener answers with a SYN-ACK (the connection is accepted when the client's ACK arrives, see "ack" in _arrive); nobody listening answers with a refusal */
  _accept(m: Message): void {
    const client = m.from as SimSocket;
    if (client._state !== "connecting") return; // closed before the handshake
    const to = m.toHost;
    const port = (m.address as Address)[1];
    const listener = to._bound.get(port);
    // a listener bound to 127.0.0.1 does not see connections from other hosts
    const loopbackOnly = listener !== undefined && listener._local !== null && listener._local[0].startsWith("127.");
    if (listener === undefined || !listener._listening || loopbackOnly) {
      this._post(this._message("refused", null, client, to, client.host, null));
      return;
    }
    const child = new SimSocket(this.net._kernel, this.net._kernel._nextFd++, to);
    child._local = [to.address, port];
    child._peerAddr = client._local;
    child._peer = client;
    child._state = "connected";
    // not in the backlog yet: the server accepts it when the client's ACK arrives (Linux's SYN queue)
    this.net._send(child, "synack", null);
  }

  /** @internal A SYN got no answer: Linux sends it again 1, 3, 7, ... s after connect(), then gives up at 127 s. */
  _retrySyn(m: Message): void {
    const sock = m.from as SimSocket;
    if (sock._state !== "connecting") return;
    sock._synAttempts++;
    const k = sock._synAttempts;
    const again = this._message(k <= SYN_RETRIES.length ? "retry" : "timeout", null, sock, m.fromHost, m.toHost, null);
    again.address = m.address;
    again.start = m.start;
    again.time = m.start + (k <= SYN_RETRIES.length ? SYN_RETRIES[k - 1] : SYN_TIMEOUT);
    this._enqueue(again);
  }

  /** @internal a connect() fails with `errno` (refused, timed out) */
  _fail(sock: SimSocket, errno: number): void {
    sock._error = errno;
    sock._state = "closed";
    sock._peer = null;
    this.net._kernel._wake(sock);
  }

  /**
   * @internal A partition or a hold keeps `m`. The first bytes a connected
   * socket has kept start Linux's retransmission count: if they are still
   * kept TCP_GIVE_UP seconds after they were sent, the socket gives up.
   */
  _keep(m: Message): void {
    const from = m.from;
    const first = from !== null && (m.kind === "data" || m.kind === "fin") && !this._held.some((h) => h.from === from);
    m.held = true;
    this._held.push(m);
    if (!first) return;
    const giveUp = this._message("giveup", null, from, m.fromHost, m.toHost, null);
    giveUp.kept = m;
    giveUp.time = m.sent + TCP_GIVE_UP;
    this._enqueue(giveUp);
  }

  /** @internal Linux's retransmissions ran out: the socket's kept bytes are dropped and the connection ends with ETIMEDOUT (its peer is not told). */
  _giveUp(sock: SimSocket): void {
    const kept = this._held.filter((h) => h.from === sock);
    this._held = this._held.filter((h) => h.from !== sock);
    for (const m of kept) {
      sock._inFlight--;
      if (this.net._loop._tracer !== null) this.net._trace("drop", m.fromHost.name, m.toHost.name, `${this._describe(m)} (TCP gave up after ${TCP_GIVE_UP} s)`, m.id);
    }
    sock._error = ETIMEDOUT;
    sock._reset = true;
    sock._state = "closed";
    this.net._kernel._wake(sock);
  }

  /** @internal A partition healed or a hold was released: what they kept goes on, in the order sent. */
  _unhold(): void {
    if (this._held.length === 0) return;
    const still: Message[] = [];
    const now = this.net._loop.time();
    for (const m of this._held) {
      if (this.net._blocked(m.fromHost, m.toHost) || (m.from !== null && still.some((h) => h.from === m.from))) {
        still.push(m);
        continue;
      }
      m.held = false;
      m.time = now + minLatency(this.net._link(m.fromHost, m.toHost).latency);
      if (m.from !== null) {
        if (m.time < m.from._lastArrival) m.time = m.from._lastArrival;
        m.from._lastArrival = m.time;
      }
      this._enqueue(m);
    }
    this._held = still;
  }

  /** @internal a message as reports and traces name it: "5 bytes main->db", "connect main->db:80" */
  _describe(m: Message): string {
    switch (m.kind) {
      case "data":
        return `${(m.bytes as Uint8Array).length} bytes ${m.fromHost.name}->${m.toHost.name}`;
      case "datagram":
        return `datagram of ${(m.bytes as Uint8Array).length} bytes ${m.fromHost.name}->${m.toHost.name}:${(m.address as Address)[1]}`;
      case "syn":
        return `connect ${m.fromHost.name}->${m.toHost.name}:${(m.address as Address)[1]}${m.start !== m.sent ? " (again)" : ""}`;
      default:
        return `${m.kind} ${m.fromHost.name}->${m.toHost.name}`;
    }
  }
}
