/**
 * The simulated network: hosts, links and faults, with every decision on the
 * schedule tape.
 *
 * Without it, a program's world is one machine ("main") whose loopback
 * is perfect: a send() lands in the peer's buffer inside the syscall, as on
 * CPython over loopback (kernel.ts). `network()` adds the rest, in the way of
 * tokio's turmoil and FoundationDB's simulator:
 *
 * - **hosts** are named machines (10.0.0.N) whose code is a factory: the
 *   factory runs as a task on the host, every task it creates lives there
 *   too, and a crash kills them all (no finally block runs: the process is
 *   gone), resets its connections and frees its ports, until `start` runs
 *   the factory again;
 * - **links** between hosts have a latency (fixed, or a range drawn from
 *   three buckets) and a loss probability (a lost segment of a stream resets
 *   the connection, as in turmoil);
 * - **partitions** (two-way or one-way) and **holds** stop messages on a
 *   path until `repair`/`release`: TCP keeps them and delivers them later, in
 *   order; a connect() across a partition retries its SYN as Linux does (1,
 *   3, 7, 15, 31, 63 s) and fails with ETIMEDOUT after 127 s;
 * - **rules** see every message that goes over a link and may drop, hold or
 *   delay it.
 *
 * Every choice the network makes is a decision of the loop's
 * SchedulingPolicy ("net" on the tape), alternative 0 always the fault-free,
 * fastest one: which latency bucket a message takes, whether it is lost,
 * which of the messages arriving at the same instant lands first, whether an
 * optional fault (`maybe`) fires. So the empty tape is the perfect network,
 * shrinking removes faults, replay reproduces them, and random/pct/dfs explore
 * them with the task orders. Under the default policy nothing is lost and
 * every latency is its minimum.
 *
 * Paths that are perfect (the same host, or a link with no latency, loss,
 * partition, hold or rule, and nothing of the connection still in flight)
 * keep loopback's synchronous delivery, so a program that only adds hosts
 * runs iteration for iteration as before.
 */
import type { BaseEventLoop, LoopTask } from "../loop/baseEventLoop.js";
import { GaiError, UsageError, ValueError } from "../errors.js";
import { showTyped } from "../util/showValue.js";
import { requireLoop } from "../loop/running.js";
import { Host, type Address, type Kernel, type SimSocket, traceTransfer } from "./kernel.js";
import { callOnHost, HostCall, SelectorLoop } from "./selectorLoop.js";
import type { Callback } from "../loop/handle.js";
import { portsOf, type UdpSocket } from "./udp.js";
import { type IoPhase, type Link, PERFECT, Wire, minLatency } from "./wire.js";

/** A link's one-way latency in seconds: fixed, or [min, max] (each message takes min, the middle or max: a decision). */
export type Latency = number | readonly [number, number];

/** How a link between two hosts behaves (see `Network.link`). */
export interface LinkOptions {
  /** one-way latency in seconds (default 0) */
  latency?: Latency;
  /** the probability in [0, 1] that a message is lost (default 0): a lost stream segment resets its connection, a lost datagram is gone */
  loss?: number;
  /** the probability in [0, 1] that a datagram arrives twice (default 0; streams never duplicate) */
  duplicate?: number;
}

/** What goes over a link: a connection's SYN and its answers, bytes, a FIN, or a reset. */
export type MessageKind = "syn" | "synack" | "ack" | "refused" | "data" | "fin" | "rst" | "datagram";

/** A message as rules and `inFlight()` see it. */
export interface MessageInfo {
  /** its number in this run (the trace uses it too) */
  readonly id: number;
  readonly kind: MessageKind;
  /** the sending host's name */
  readonly from: string;
  /** the receiving host's name */
  readonly to: string;
  /** the bytes of a "data" message or a datagram (empty for the others) */
  readonly bytes: Uint8Array;
  /** when it was sent */
  readonly sent: number;
}

/** A message on its way: when it arrives, or that a partition or hold keeps it. */
export interface InFlight extends MessageInfo {
  /** when it arrives (Infinity while held) */
  readonly due: number;
  /** kept by a partition or a hold until the path opens */
  readonly held: boolean;
  /** decided lost: it will reset its connection instead of arriving */
  readonly lost: boolean;
}

/** What a rule says about a message: deliver it (or undefined: no opinion), drop it, hold it until `release`, or delay it. */
export type Verdict = "deliver" | "drop" | "hold" | { delay: number } | undefined | void;

/** A rule: sees each message sent over a link (not loopback) and may change its fate. */
export type Rule = (message: MessageInfo) => Verdict;

/** What a host runs: a generator function or an async function, as createTask takes them. */
export type HostMain = (() => Generator<unknown, unknown, unknown>) | (() => PromiseLike<unknown>);




function checkLatency(what: string, latency: unknown): Latency {
  const ok = (x: unknown): x is number => typeof x === "number" && Number.isFinite(x) && x >= 0;
  if (ok(latency)) return latency;
  if (Array.isArray(latency) && latency.length === 2 && ok(latency[0]) && ok(latency[1]) && latency[0] <= latency[1]) {
    return [latency[0], latency[1]] as const;
  }
  throw new ValueError(`${what}: latency must be a finite number of seconds >= 0, or [min, max] with 0 <= min <= max (got ${showTyped(latency)})`);
}

function checkProbability(what: string, name: string, p: unknown): number {
  if (typeof p !== "number" || !(p >= 0 && p <= 1)) throw new ValueError(`${what}: ${name} must be a probability in [0, 1] (got ${showTyped(p)})`);
  return p;
}


/**
 * The simulated network of one run. Get it with `network()` inside a
 * program; see the module comment for the model.
 */
export class Network {
  /** every host by name, "main" first */
  private readonly _hosts = new Map<string, Host>();
  private readonly _byAddress = new Map<string, Host>();
  private readonly _factories = new Map<Host, HostMain>();
  private _defaults: Link = PERFECT;
  /** links set with link(), by sending host, then receiving host */
  private readonly _links = new Map<Host, Map<Host, Link>>();
  /** directed paths "a>b" cut by a partition, and held by a hold */
  /** @internal */ readonly _cut = new Set<string>();
  private readonly _holds = new Set<string>();
  /** @internal */ readonly _rules: Rule[] = [];
  private readonly _taskHost = new WeakMap<object, Host>();
  /** @internal the host whose callback runs now (transports' callbacks), if not a task's */
  _callbackHost: Host | null = null;
  private _creating: Host | null = null;
  private _nextAddress = 2;
  /** @internal what is on the wire: messages in flight and held, and their arrivals (wire.ts) */
  readonly _wire = new Wire(this);
  /** fault decisions taken: maybe() and the losses (for reports) */

  constructor(
    /** @internal */ readonly _kernel: Kernel,
    /** @internal */ readonly _loop: BaseEventLoop,
  ) {
    this._hosts.set(_kernel.localhost.name, _kernel.localhost);
    this._byAddress.set(_kernel.localhost.address, _kernel.localhost);
  }

  // ------------------------------------------------------------------ hosts

  /**
   * Adds a host named `name` and starts it: `main` runs as a task (named
   * after the host) on it, and every task it creates lives there too.
   * A host is a factory: after `crash(name)`, `start(name)` runs `main`
   * again on a fresh machine (no sockets, no tasks). Mirrors turmoil's
   * `sim.host(name, factory)`.
   * @throws ValueError for a name or address already in use, or an address that is not IPv4.
   * @example
   * const net = network();
   * net.host("db", function* () {
   *   const server = yield* startServer(serveClient, "0.0.0.0", 5432);
   *   yield* server.serveForever();
   * });
   */
  host(name: string, main?: HostMain, options: { address?: string } = {}): Host {
    if (typeof name !== "string" || name === "" || /\s/.test(name) || name === "localhost") throw new ValueError(`network().host: a host name must be a non-empty string without spaces, not "localhost" (got ${showTyped(name)})`);
    if (this._hosts.has(name)) throw new ValueError(`network().host: there is already a host named ${JSON.stringify(name)}`);
    if (main !== undefined && typeof main !== "function") throw new TypeError(`network().host(${JSON.stringify(name)}): main must be a generator function or an async function (got ${showTyped(main)})`);
    let address = options.address;
    if (address === undefined) {
      do address = `10.0.0.${this._nextAddress++}`;
      while (this._byAddress.has(address));
    } else if (typeof address !== "string" || !/^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.test(address) || address.split(".").some((b) => Number(b) > 255)) {
      throw new ValueError(`network().host(${JSON.stringify(name)}): address must be an IPv4 address such as "10.0.0.7" (got ${typeof address === "string" ? JSON.stringify(address) : showTyped(address)})`);
    } else if (this._byAddress.has(address) || address.startsWith("127.") || address === "0.0.0.0") {
      throw new ValueError(`network().host(${JSON.stringify(name)}): address ${address} is ${address.startsWith("127.") || address === "0.0.0.0" ? "reserved" : "taken by " + this._byAddress.get(address)?.name}`);
    }
    const host = new Host(name, address);
    this._hosts.set(name, host);
    this._byAddress.set(address, host);
    this._loop._hosts = this;
    if (main !== undefined) {
      this._factories.set(host, main);
      this._run(host);
    } else {
      host._starts = 1;
    }
    this._trace("host", name, name, `${address}${main ? "" : " (no main)"}`);
    return host;
  }

  /**
   * The host named `name` ("main" is the program's own).
   * @throws ValueError for a name no host has.
   * @example network().getHost("db").up // false while crashed
   */
  getHost(name: string): Host {
    return this._host(name, "getHost");
  }

  /** Every host, "main" first. @example network().hosts().map((h) => h.name) */
  hosts(): Host[] {
    return [...this._hosts.values()];
  }

  /**
   * Crashes a host: its tasks are killed where they are (no finally block,
   * no CancelledError: they end cancelled, so that awaiting them elsewhere
   * does not hang), the callbacks it scheduled (callSoon, callLater, callAt)
   * never run, its connections are reset (the peers get the reset over
   * the network), its listening sockets are gone. A host crashing itself
   * stops at the end of the current step. Mirrors turmoil's `crash`.
   * @throws ValueError for an unknown host; UsageError for "main" (the program itself).
   * @example loop.callLater(2, () => network().crash("db"));
   */
  crash(name: string): void {
    const host = this._host(name, "crash");
    if (host === this._kernel.localhost) throw new UsageError(`network().crash("main"): main runs the program itself; put what should crash on a host of its own (network().host(name, main))`);
    if (!host._up) return;
    host._up = false;
    this._trace("crash", name, name, "");
    const current = this._loop._currentTask;
    const why = `host ${name} crashed`;
    for (const task of this._loop._pendingTasks()) {
      if (this._taskHost.get(task) !== host) continue;
      const t = task as LoopTask & { _kill(message: string): void };
      if (task === current) this._loop.callSoon(() => t._kill(why));
      else t._kill(why);
    }
    for (const sock of [...host._sockets]) this._crashSocket(sock);
    host._bound.clear();
    portsOf(host).clear();
  }

  /**
   * Starts a crashed host again: a fresh machine running its main once more.
   * Mirrors turmoil's restart after crash.
   * @throws ValueError for an unknown host, one that is running, or one made without a main.
   * @example loop.callLater(5, () => network().start("db"));
   */
  start(name: string): void {
    const host = this._host(name, "start");
    if (host._up) throw new ValueError(`network().start(${JSON.stringify(name)}): the host is running (crash it first, or use restart)`);
    if (!this._factories.has(host)) throw new ValueError(`network().start(${JSON.stringify(name)}): the host has no main to run (give one to network().host)`);
    host._up = true;
    this._trace("start", name, name, "");
    this._run(host);
  }

  /** Crashes a host and starts it again at once. Mirrors turmoil's `bounce`. @example network().restart("db") */
  restart(name: string): void {
    this.crash(name);
    this.start(name);
  }

  // ------------------------------------------------------------------ links

  /**
   * Sets how the link between hosts `a` and `b` behaves, both ways.
   * @throws ValueError for an unknown host, a negative latency, or a loss outside [0, 1].
   * @example network().link("main", "db", { latency: [0.001, 0.05], loss: 0.01 });
   */
  link(a: string, b: string, options: LinkOptions): void {
    const ha = this._host(a, "link");
    const hb = this._host(b, "link");
    if (ha === hb) throw new ValueError(`network().link: a host's loopback is always perfect (got ${JSON.stringify(a)} twice)`);
    const link = this._checkLink("network().link", options);
    for (const [x, y] of [[ha, hb], [hb, ha]]) {
      let to = this._links.get(x);
      if (to === undefined) this._links.set(x, (to = new Map()));
      to.set(y, link);
    }
  }

  /**
   * How every link not set with `link` behaves (default: perfect).
   * @throws ValueError for a negative latency or a loss outside [0, 1].
   * @example network().defaults({ latency: 0.01 });
   */
  defaults(options: LinkOptions): void {
    this._defaults = this._checkLink("network().defaults", options);
  }

  /**
   * Cuts the path between two hosts (one way: only from `a` to `b`). TCP
   * keeps what it sends and delivers it after `repair`, unless the cut lasts
   * 924.6 s from the first bytes kept (Linux's 15 retransmissions): then the
   * sending side's connection ends with ETIMEDOUT (its peer is not told). A
   * connect() across the cut retries and fails with ETIMEDOUT after 127 s.
   * Mirrors turmoil's `partition`.
   * @throws ValueError for an unknown host.
   * @example network().partition("n1", "n2"); // later: network().repair("n1", "n2")
   */
  partition(a: string, b: string, options: { oneWay?: boolean } = {}): void {
    this._host(a, "partition");
    this._host(b, "partition");
    this._cut.add(`${a}>${b}`);
    if (options.oneWay !== true) this._cut.add(`${b}>${a}`);
    this._trace("partition", a, b, options.oneWay === true ? "one way" : "");
  }

  /**
   * Heals a partition between two hosts (both ways), or every partition
   * with no arguments; what was kept is sent on. Mirrors turmoil's `repair`.
   * @example network().repair();
   */
  repair(a?: string, b?: string): void {
    if (a === undefined) this._cut.clear();
    else {
      this._host(a, "repair");
      if (b === undefined) throw new ValueError(`network().repair(${JSON.stringify(a)}): name both hosts, or none to heal every partition`);
      this._host(b, "repair");
      this._cut.delete(`${a}>${b}`);
      this._cut.delete(`${b}>${a}`);
    }
    this._trace("repair", a ?? "*", b ?? "*", "");
    this._wire._unhold();
  }

  /**
   * Holds the messages from `a` to `b` (clogging): they wait until `release`
   * (a stream's bytes held 924.6 s end its connection, as a partition's do).
   * Mirrors turmoil's `hold`.
   * @example network().hold("client", "db");
   */
  hold(a: string, b: string): void {
    this._host(a, "hold");
    this._host(b, "hold");
    this._holds.add(`${a}>${b}`);
    this._trace("hold", a, b, "");
  }

  /** Lets the messages held from `a` to `b` go, in order. Mirrors turmoil's `release`. @example network().release("client", "db"); */
  release(a: string, b: string): void {
    this._host(a, "release");
    this._host(b, "release");
    this._holds.delete(`${a}>${b}`);
    this._trace("release", a, b, "");
    this._wire._unhold();
  }

  /**
   * Adds a rule that sees every message sent over a link (never loopback)
   * and may drop, hold or delay it; returns a function that removes it.
   * The first rule with an opinion decides.
   * @example const stop = network().rule((m) => (m.kind === "data" && m.to === "db" ? "drop" : undefined));
   */
  rule(rule: Rule): () => void {
    if (typeof rule !== "function") throw new TypeError(`network().rule: a rule must be a function (got ${showTyped(rule)})`);
    this._rules.push(rule);
    return () => {
      const i = this._rules.indexOf(rule);
      if (i >= 0) this._rules.splice(i, 1);
    };
  }

  /**
   * An optional fault: a decision on the tape, true with probability `p`
   * under random strategies (dfs tries both; the default order and the empty
   * tape say false). Use it to leave a crash or a partition to exploration.
   * @throws ValueError for a probability outside [0, 1].
   * @example loop.callLater(1, () => { if (network().maybe(0.1, "crash db")) network().crash("db"); });
   */
  maybe(p: number, what = "fault"): boolean {
    checkProbability("network().maybe", "p", p);
    const q = Math.min(1, p * this._loop._faultScale);
    if (p === 0 || !this._loop._policy.chooses) return false;
    const k = this._loop._choices.chooseNet(2, () => [`no ${what}`, what], [1 - q, q]);
    if (k === 1) this._trace("fault", "*", "*", what);
    return k === 1;
  }

  /** The messages on their way now, in arrival order, then the ones held. @example network().inFlight().length */
  inFlight(): InFlight[] {
    return this._wire._inFlight();
  }


  // -------------------------------------------------------- the kernel's side

  /** @internal the host of the code running now: the task's, a transport callback's, else main */
  _currentHost(): Host {
    if (this._creating !== null) return this._creating;
    const task = this._loop._currentTask;
    if (task !== null) {
      const host = this._taskHost.get(task);
      if (host !== undefined) return host;
    }
    return this._callbackHost ?? this._kernel.localhost;
  }

  /** @internal the host a name or address means, seen from `from`. @throws GaiError */
  _resolve(name: string, from: Host, what: string): Host {
    if (name === "localhost" || name.startsWith("127.")) return from;
    const host = this._hosts.get(name) ?? this._byAddress.get(name);
    if (host === undefined) {
      const known = this.hosts().map((h) => `${h.name} (${h.address})`).join(", ");
      throw new GaiError(-2, `Name or service not known (${what}: no host ${JSON.stringify(name)} on the simulated network; it has ${known})`);
    }
    return host;
  }

  /** @internal the host at an address a socket connects to (resolved before: see server.ts) */
  _hostAt(address: string, from: Host): Host {
    return this._resolve(address, from, "connect");
  }

  /** @internal can `sock` talk to `to` synchronously, as over loopback? */
  _direct(sock: SimSocket, to: Host): boolean {
    if (sock._inFlight !== 0) return false;
    const from = sock.host;
    if (from === to) return true;
    if (!to._up || this._rules.length !== 0) return false;
    const there = this._link(from, to);
    const back = this._link(to, from);
    if (there.loss !== 0 || back.loss !== 0 || minLatency(there.latency) !== 0 || minLatency(back.latency) !== 0 || typeof there.latency !== "number" || typeof back.latency !== "number") return false;
    return !this._blocked(from, to) && !this._blocked(to, from);
  }

  /** @internal connect() over a link: the SYN goes out; the answer comes back later. */
  _connect(sock: SimSocket, to: Host, address: Address): void {
    sock._state = "connecting";
    sock._peerAddr = [address[0], address[1]];
    const m = this._wire._message("syn", sock, null, sock.host, to, null);
    m.address = address;
    m.start = this._loop.time();
    this._wire._post(m);
  }

  /** @internal `sock` sends a message to its peer over a link. */
  _send(sock: SimSocket, kind: "data" | "fin" | "rst" | "synack", bytes: Uint8Array | null): void {
    const peer = sock._peer as SimSocket;
    this._wire._post(this._wire._message(kind, sock, peer, sock.host, peer.host, bytes));
  }

  /**
   * @internal A datagram to another host. Unlike a stream's bytes, datagrams
   * keep no order: each draws its own latency, so they may overtake each
   * other; a loss drops it, a duplication sends it twice, a partition drops
   * it (UDP does not retransmit), a hold keeps it.
   */
  _sendDatagram(sock: UdpSocket, to: Host, address: Address, bytes: Uint8Array, from: Address): void {
    const loop = this._loop;
    const datagram = () => {
      const d = this._wire._message("datagram", null, null, sock.host, to, bytes);
      d.address = address;
      d.source = from;
      d.sender = sock;
      return d;
    };
    const m = datagram();
    if (!to._up || (this._cut.size !== 0 && this._cut.has(`${sock.host.name}>${to.name}`))) {
      // nothing gets through a partition or to a machine that is down, and UDP does not try again
      if (this._loop._tracer !== null) this._trace("send", m.fromHost.name, m.toHost.name, this._wire._describe(m), m.id);
      if (this._loop._tracer !== null) this._trace("drop", m.fromHost.name, m.toHost.name, `${this._wire._describe(m)} (${to._up ? "partition" : "host down"})`, m.id);
      return;
    }
    this._wire._post(m);
    const link = this._link(sock.host, to);
    if (link.duplicate > 0 && !m.lost && loop._policy.chooses) {
      const p = Math.min(1, link.duplicate * loop._faultScale);
      if (loop._choices.chooseNet(2, () => [`send ${this._wire._describe(m)} once`, `duplicate ${this._wire._describe(m)}`], [1 - p, p], this._wire._inIo) === 1) {
        this._wire._post(datagram());
      }
    }
  }

  /** @internal the IO phase: deliver what is due; with nothing ready and no timer sooner, move the clock to the next arrival. */
  _deliver(io: IoPhase): void {
    this._wire._deliver(io);
  }

  // ----------------------------------------------------------------- inside

  private _host(name: unknown, what: string): Host {
    const host = typeof name === "string" ? this._hosts.get(name) : undefined;
    if (host === undefined) {
      throw new ValueError(`network().${what}: no host named ${typeof name === "string" ? JSON.stringify(name) : showTyped(name)} (hosts: ${[...this._hosts.keys()].join(", ")})`);
    }
    return host;
  }

  private _checkLink(what: string, options: LinkOptions): Link {
    if (options === null || typeof options !== "object") throw new TypeError(`${what}: options must be an object such as { latency: 0.01, loss: 0.001 } (got ${showTyped(options)})`);
    for (const key of Object.keys(options)) {
      if (key !== "latency" && key !== "loss" && key !== "duplicate") throw new ValueError(`${what}: unknown option ${JSON.stringify(key)} (a link has latency, loss and duplicate)`);
    }
    return {
      latency: options.latency === undefined ? 0 : checkLatency(what, options.latency),
      loss: options.loss === undefined ? 0 : checkProbability(what, "loss", options.loss),
      duplicate: options.duplicate === undefined ? 0 : checkProbability(what, "duplicate", options.duplicate),
    };
  }

  /** @internal */
  _link(from: Host, to: Host): Link {
    if (from === to) return PERFECT;
    return this._links.get(from)?.get(to) ?? this._defaults;
  }

  /** @internal */
  _blocked(from: Host, to: Host): boolean {
    if (this._cut.size === 0 && this._holds.size === 0) return false;
    const key = `${from.name}>${to.name}`;
    return this._cut.has(key) || this._holds.has(key);
  }

  private _run(host: Host): void {
    host._starts++;
    const main = this._factories.get(host) as HostMain;
    this._creating = host;
    try {
      (this._loop as unknown as { _createOwnTask(c: unknown, name: string): unknown })._createOwnTask(main, host._starts === 1 ? host.name : `${host.name}#${host._starts}`);
    } finally {
      this._creating = null;
    }
  }

  /** @internal see TaskHosts._hostCall */
  _hostCall(fn: Callback, args: unknown[]): HostCall | null {
    const host = this._currentHost();
    if (host === this._kernel.localhost) return null;
    const n = args.length;
    return n <= 2 ? new HostCall(this, host, fn, n, args[0], args[1], host._starts) : new HostCall(this, host, fn, -1, args, undefined, host._starts);
  }

  /** @internal */
  readonly _hostRunner: Callback = callOnHost;

  /** @internal the host a task lives on, by name (traces) */
  _hostNameOf(task: LoopTask): string {
    return (this._taskHost.get(task) ?? this._kernel.localhost).name;
  }

  /** @internal a new task lives on the host whose code created it */
  _placeTask(task: LoopTask): void {
    const host = this._currentHost();
    if (host === this._kernel.localhost) return;
    this._taskHost.set(task, host);
    if (!host._up) (task as LoopTask & { _kill(m: string): void })._kill(`host ${host.name} is down`);
  }

  private _crashSocket(sock: SimSocket): void {
    const [reader, writer] = sock._key as [{ cancel(): void } | null, { cancel(): void } | null];
    reader?.cancel();
    writer?.cancel();
    this._kernel._unregister(sock);
    sock.host._sockets.delete(sock);
    const peer = sock._peer;
    const live = sock._state === "connected" && !sock._reset;
    sock._state = "closed";
    sock._listening = false;
    if (live && peer !== null && peer.host !== sock.host) {
      if (this._direct(sock, peer.host)) {
        traceTransfer(this, "rst", sock.host, peer.host);
        peer._resetBy();
      }
      else this._send(sock, "rst", null);
    }
  }

  /** A trace event (callers of the per-message ones check for a tracer first: their details cost a string each). */
  /** @internal */
  _trace(op: string, from: string, to: string, detail: string, id?: number): void {
    const loop = this._loop;
    if (loop._tracer === null) return;
    // In the IO phase, which precedes the loop's count of the iteration it
    // begins, an event belongs to the next iteration (see _inIo).
    const i = this._wire._inIo ? loop._iteration + 1 : loop._iteration;
    loop._emit({ kind: "net", t: loop.time(), i, op, from, to, ...(detail ? { detail } : {}), ...(id !== undefined ? { msg: id } : {}) });
  }
}

/**
 * The simulated network of the running loop, made on first use: hosts,
 * links, partitions, crashes (see the Network class). Call it inside a
 * program; every run has its own. vloop's own: asyncio has no simulated
 * network (it is what turmoil's `Sim` is to tokio).
 * @throws RuntimeError outside a running loop.
 * @example
 * const net = network();
 * net.host("db", serveDatabase);
 * net.link("main", "db", { latency: 0.005 });
 * const [reader, writer] = yield* openConnection("db", 5432);
 */
export function network(): Network {
  const loop = requireLoop("network()");
  const kernel = SelectorLoop.of(loop).kernel;
  if (kernel._net === null) kernel._net = new Network(kernel, loop);
  return kernel._net;
}
