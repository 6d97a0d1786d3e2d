/**
 * The loop's selector half (asyncio's BaseSelectorEventLoop): readers and
 * writers registered per socket, `_process_events`, and the socket calls of
 * base_events that streams are built on (`sock_connect`, `create_connection`,
 * `create_server`'s accept loop).
 *
 * One SelectorLoop per event loop, made when a program first uses the
 * network; it becomes the loop's IoSource (see loop/baseEventLoop.ts), so a
 * program without sockets pays one null check per iteration.
 */
import type { BaseEventLoop } from "../loop/baseEventLoop.js";
import { Handle, type Callback, registerOnBehalf } from "../loop/handle.js";
import { EVENT_READ, EVENT_WRITE, type Host, Kernel, type Pollable } from "./kernel.js";
import type { Network } from "./network.js";

/** asyncio's selector-loop state for one event loop. */
export class SelectorLoop {
  readonly kernel = new Kernel();

  constructor(readonly loop: BaseEventLoop) {}

  /** processEvents' scratch arrays: select()'s sockets and their events, reused every iteration */
  private readonly _socks: Pollable[] = [];
  private readonly _events: number[] = [];

  /** The loop's SelectorLoop, made (and installed as its IoSource) on first use. */
  static of(loop: BaseEventLoop): SelectorLoop {
    const io = loop._io;
    if (io instanceof SelectorIo) return io.sel;
    const sel = new SelectorLoop(loop);
    loop._io = new SelectorIo(sel);
    return sel;
  }

  /**
   * @internal Tools that look at a run from outside (`vloop step`): called
   * as each IO phase begins, before anything due arrives, so after the
   * handles of the iteration before it ran.
   */
  _beforeIo: (() => void) | null = null;

  /** The loop's SelectorLoop if the program used sockets (this never makes one). */
  static peek(loop: BaseEventLoop): SelectorLoop | null {
    const io = loop._io;
    return io instanceof SelectorIo ? io.sel : null;
  }

  /**
   * asyncio's `_process_events` over `select(0)`: for each ready socket, in
   * the order epoll reports them, its reader handle (for a read event), then
   * its writer handle (for a write event), appended to the ready queue.
   */
  processEvents(): void {
    const socks = this._socks;
    const events = this._events;
    const n = this.kernel._readyList.length === 0 && this.kernel._settle === null ? 0 : this.kernel.select(socks, events);
    if (n === 0) return;
    const ready = this.loop._ready;
    for (let i = 0; i < n; i++) {
      const sock = socks[i];
      const ev = events[i];
      socks[i] = NO_SOCKET; // (the scratch array keeps no socket alive)
      const reader = sock._key[0] as Handle | null;
      const writer = sock._key[1] as Handle | null;
      if (ev & EVENT_READ && reader !== null) {
        if (reader._cancelled) this.removeReader(sock);
        else ready.push(reader);
      }
      if (ev & EVENT_WRITE && writer !== null) {
        if (writer._cancelled) this.removeWriter(sock);
        else ready.push(writer);
      }
    }
  }

  /**
   * A handle calling `fn` with `argc` (0-2) arguments as a callback of
   * `sock`'s host: the tasks it creates live on that host (see network.ts).
   * On main, or with no network, a plain handle. (A HostCall object as the
   * argument of one module-level function, not a closure per callback: see
   * SelectorIo; traces still name `fn`.)
   */
  handleOnHost(sock: Pollable, fn: Callback, argc: number, a0: unknown, a1: unknown): Handle {
    const net = this.kernel._net;
    const host = (sock as { host?: Host }).host; // pipes and pidfds have none: they are main's
    if (net === null || host === undefined || host === this.kernel.localhost) return new Handle(fn, argc, a0, a1);
    return new Handle(callOnHost, 1, new HostCall(net, host, fn, argc, a0, a1), undefined);
  }

  /** loop.callSoon(fn, ...args) as a callback of `sock`'s host (see handleOnHost). */
  callSoonOnHost(sock: Pollable, fn: Callback, argc: number, a0?: unknown, a1?: unknown): void {
    this.loop._ready.push(this.handleOnHost(sock, fn, argc, a0, a1));
  }

  /**
   * asyncio's `_add_reader`: registers (or re-registers) the read callback,
   * cancelling the old one. `fn` is called with the `argc` (0-2) arguments
   * given, as loop.callSoon's are: a module-level function and its object
   * rather than a closure made per socket (see SelectorIo).
   */
  addReader(sock: Pollable, fn: Callback, argc = 0, a0?: unknown, a1?: unknown): Handle {
    this.loop._checkClosed();
    const handle = this.handleOnHost(sock, fn, argc, a0, a1);
    const old = sock._key[0] as Handle | null;
    const writer = sock._key[1];
    this.kernel._register(sock, sock._mask | EVENT_READ);
    sock._key = [handle, writer];
    if (old !== null) old.cancel();
    return handle;
  }

  /** asyncio's `_remove_reader`: true if a reader was registered. */
  removeReader(sock: Pollable): boolean {
    if (this.loop._closed || sock._mask === 0) return false;
    const reader = sock._key[0] as Handle | null;
    const mask = sock._mask & ~EVENT_READ;
    if (mask === 0) this.kernel._unregister(sock);
    else {
      this.kernel._register(sock, mask);
      sock._key = [null, sock._key[1]];
    }
    if (reader !== null) {
      reader.cancel();
      return true;
    }
    return false;
  }

  /** asyncio's `_add_writer` (the arguments as addReader's) */
  addWriter(sock: Pollable, fn: Callback, argc = 0, a0?: unknown, a1?: unknown): Handle {
    this.loop._checkClosed();
    const handle = this.handleOnHost(sock, fn, argc, a0, a1);
    const old = sock._key[1] as Handle | null;
    const reader = sock._key[0];
    this.kernel._register(sock, sock._mask | EVENT_WRITE);
    sock._key = [reader, handle];
    if (old !== null) old.cancel();
    return handle;
  }

  /** asyncio's `_remove_writer` */
  removeWriter(sock: Pollable): boolean {
    if (this.loop._closed || sock._mask === 0) return false;
    const writer = sock._key[1] as Handle | null;
    const mask = sock._mask & ~EVENT_WRITE;
    if (mask === 0) this.kernel._unregister(sock);
    else {
      this.kernel._register(sock, mask);
      sock._key = [sock._key[0], null];
    }
    if (writer !== null) {
      writer.cancel();
      return true;
    }
    return false;
  }
}

/** The IoSource the loop calls once per iteration. */
class SelectorIo {
  // (methods, not closures made per run: a closure that reaches the loop,
  // kept where the loop keeps it, is held by the unoptimized code's feedback
  // through minor collections, which kept whole runs alive; see bench/README.md)
  constructor(readonly sel: SelectorLoop) {}

  /** The network's question in its IO phase: no handle is ready and select() would report nothing. */
  _nothingReady(): boolean {
    return this.sel.loop._ready.length === 0 && !this.sel.kernel._anyReady();
  }

  _processEvents(): void {
    const sel = this.sel;
    if (sel._beforeIo !== null) sel._beforeIo();
    const net = sel.kernel._net;
    if (net !== null) net._deliver(this);
    sel.processEvents();
  }
}

/** What processEvents leaves in its scratch array's used slots (a socket of no run). */
const NO_SOCKET = null as unknown as Pollable;

/**
 * @internal A callback to run as one of a host's (see
 * SelectorLoop.handleOnHost and Network._hostCall): `argc` arguments (0-2),
 * or -1 with the arguments as an array in `a0`. With `starts`, one the
 * program scheduled: it does not run once the host crashed or started again
 * after that start.
 */
export class HostCall {
  constructor(
    readonly net: Network,
    readonly host: Host,
    readonly fn: Callback,
    readonly argc: number,
    readonly a0: unknown,
    readonly a1: unknown,
    readonly starts = 0,
  ) {}
}

/** @internal Runs a HostCall's callback with the network's current host set to its host. */
export function callOnHost(call: HostCall): void {
  const host = call.host;
  if (call.starts !== 0 && (!host._up || host._starts !== call.starts)) return; // the machine that set it is gone
  const net = call.net;
  const saved = net._callbackHost;
  net._callbackHost = host;
  try {
    if (call.argc === 0) call.fn();
    else if (call.argc === 1) call.fn(call.a0);
    else if (call.argc === 2) call.fn(call.a0, call.a1);
    else call.fn(...(call.a0 as unknown[]));
  } finally {
    net._callbackHost = saved;
  }
}
registerOnBehalf(callOnHost);
