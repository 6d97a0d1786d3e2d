/**
 * The differential fuzzer's network grammar (issue #11 item 3): a server
 * started by `start_server` on 127.0.0.1, port 0, whose handlers run small
 * random scripts (read, write, echo, echo until EOF, write_eof, close, abort,
 * sleep), and clients anywhere in the program that open connections, write
 * (write + drain, writelines, write_eof), read (read(n), readline,
 * readexactly, readuntil, each maybe under wait_for) and close (+ wait_closed),
 * interleaved with the rest of the grammar (program.ts).
 *
 * Rules that keep CPython's side deterministic over real loopback sockets
 * (scenarios/net/README.md): the numeric host 127.0.0.1 and port 0 (a name
 * would go through a thread), no port ever printed, and writes of a few
 * bytes, so the kernel takes each whole and flow control never starts (the
 * chunk sizes of big writes are the kernel's, which src/net does not copy).
 *
 * Connections are named n1, n2...; a body uses a connection opened earlier
 * by itself (at its top level) or by an ancestor before the body's task was
 * spawned, so a name is always declared; an open that failed or was
 * cancelled leaves the name unset, and every use checks (Python `if c in W`).
 * Server handlers end on a CancelledError (so asyncio.run's shutdown ends
 * them), client statements log it and go on, as the rest of the grammar does.
 *
 * As in program.ts, the vloop side is written twice, once with `yield*` and
 * once with `await`, case for case.
 */
import {
  CancelledError,
  IncompleteReadError,
  type Server,
  type StreamReader,
  type StreamWriter,
  startServer,
  openConnection,
  sleep,
  waitFor,
} from "../../src/index.js";
import type { CoroutineObject } from "../../src/futures/coroutine.js";
import { Prng } from "../../src/util/random.js";
import { bytesRepr } from "../../src/util/pyformat.js";
import { log } from "../harness.js";

/** One read: read(n), readline(), readexactly(n), readuntil(sep). */
export type Read = { k: "read"; n: number } | { k: "line" } | { k: "exact"; n: number } | { k: "until"; sep: string };

/** Client statements: they go anywhere a statement goes. */
export type NetStmt =
  | { op: "nconn"; c: string; limit?: number }
  | { op: "nwrite"; c: string; data: string; drain: boolean }
  | { op: "nlines"; c: string; parts: string[] }
  | { op: "neof"; c: string }
  | { op: "nread"; c: string; r: Read; t: number | null }
  | { op: "nclose"; c: string; wait: boolean }
  | { op: "srvclose" };

/** What a server handler does, in order. */
export type SrvStmt =
  | { op: "read"; r: Read }
  | { op: "write"; data: string }
  | { op: "echo" }
  | { op: "loop" }
  | { op: "eof" }
  | { op: "close" }
  | { op: "abort" }
  | { op: "sleep"; d: number };

/** The program's server: connection i (in the order handlers start) runs handlers[i % length]. */
export interface NetServer {
  handlers: SrvStmt[][];
  /** start_server's limit= (the readers' buffer limit) */
  limit?: number;
}

// Why `writelines` is guarded by `is_closing()`: in CPython 3.12.1,
// `_SelectorSocketTransport.writelines` on a transport whose connection is
// lost (or being lost) buffers the data, calls `_write_ready` (which returns
// at once, `_conn_lost` being set) and registers a writer that never
// unregisters: the socket is always writable, so the loop spins at the same
// virtual time for ever (on a real clock, at 100% CPU); once
// `_call_connection_lost` has run, `_write_ready` is None and writelines
// raises `TypeError: 'NoneType' object is not callable`. Neither is
// behaviour to copy; `write()` has no such problem (it counts and drops).

export const NET_OPS: ReadonlySet<string> = new Set(["nconn", "nwrite", "nlines", "neof", "nread", "nclose", "srvclose"]);

// ------------------------------------------------------------------ generating

/** Small payloads: lines, a partial line, separators, an empty write. */
const DATA = ["a\n", "hello\n", "x", "ab|cd\n", "1\n2\n", "", "yz|", "end\n"];
/**
 * writelines' chunks are never empty: CPython 3.12.1's `_write_sendmsg` keeps an
 * empty chunk in its buffer for ever (`_adjust_leftover_buffer(0)` pops
 * nothing), so its writer stays registered and the loop spins.
 */
const LINES_DATA = DATA.filter((d) => d !== "");
const SEPS = ["\n", "|", "cd"];
const READ_N = [-1, 1, 3, 100];
const EXACT_N = [0, 2, 5];
const SRV_DELAYS = [0, 0.1, 0.5, 1];
const READ_TIMEOUTS = [0.1, 0.5, 2];

function pick<T>(rng: Prng, xs: readonly T[]): T {
  return xs[rng.below(xs.length)]!;
}

function genRead(rng: Prng): Read {
  const r = rng.next();
  if (r < 0.3) return { k: "line" };
  if (r < 0.55) return { k: "read", n: pick(rng, READ_N) };
  if (r < 0.8) return { k: "exact", n: pick(rng, EXACT_N) };
  return { k: "until", sep: pick(rng, SEPS) };
}

/** A server: one to three handler scripts, sometimes a small reading limit. */
export function genServer(rng: Prng): NetServer {
  const handlers: SrvStmt[][] = [];
  const n = 1 + rng.below(3);
  for (let i = 0; i < n; i++) {
    const script: SrvStmt[] = [];
    const m = rng.below(5);
    for (let j = 0; j < m; j++) {
      const r = rng.next();
      if (r < 0.35) script.push({ op: "read", r: genRead(rng) });
      else if (r < 0.5) script.push({ op: "write", data: pick(rng, DATA) });
      else if (r < 0.62) script.push({ op: "echo" });
      else if (r < 0.72) script.push({ op: "loop" });
      else if (r < 0.8) script.push({ op: "eof" });
      else if (r < 0.92) script.push({ op: "sleep", d: pick(rng, SRV_DELAYS) });
      else if (r < 0.96) script.push({ op: "close" });
      else script.push({ op: "abort" });
    }
    if (rng.next() < 0.7) script.push({ op: "close" });
    handlers.push(script);
  }
  return rng.next() < 0.15 ? { handlers, limit: 5 } : { handlers };
}

/** A statement that opens connection `c` (sometimes with a small reading limit). */
export function genConn(rng: Prng, c: string): NetStmt {
  return rng.next() < 0.1 ? { op: "nconn", c, limit: 5 } : { op: "nconn", c };
}

/** A statement that uses one of the connections in scope (or closes the server). */
export function genNetUse(rng: Prng, scope: readonly string[], inMain: boolean): NetStmt {
  const c = pick(rng, scope);
  const r = rng.next();
  if (r < 0.3) return { op: "nwrite", c, data: pick(rng, DATA), drain: rng.next() < 0.7 };
  if (r < 0.37) return { op: "nlines", c, parts: [pick(rng, LINES_DATA), pick(rng, LINES_DATA)] };
  if (r < 0.45) return { op: "neof", c };
  if (r < 0.8) return { op: "nread", c, r: genRead(rng), t: rng.next() < 0.4 ? pick(rng, READ_TIMEOUTS) : null };
  if (r < 0.97 || !inMain) return { op: "nclose", c, wait: rng.next() < 0.7 };
  return { op: "srvclose" };
}

// ------------------------------------------------------------------ Python

/** A byte string as a Python literal (the payloads are ASCII). */
function pyBytes(s: string): string {
  return `b${JSON.stringify(s)}`;
}

function readPy(r: Read, reader: string): string {
  switch (r.k) {
    case "read":
      return `${reader}.read(${r.n})`;
    case "line":
      return `${reader}.readline()`;
    case "exact":
      return `${reader}.readexactly(${r.n})`;
    case "until":
      return `${reader}.readuntil(${pyBytes(r.sep)})`;
  }
}

/** What a read logs (TS: readTag). */
function readTag(r: Read): string {
  switch (r.k) {
    case "read":
      return `read(${r.n})`;
    case "line":
      return "readline";
    case "exact":
      return `readexactly(${r.n})`;
    case "until":
      return `readuntil(${JSON.stringify(r.sep)})`;
  }
}

/** The helpers the network statements use, before the program's functions. */
export const PY_PRELUDE = [
  "SERVER = PORT = None",
  "R, W = {}, {}",
  "HN = [0]",
  "",
  "",
  "def fmt_err(e):",
  "    if isinstance(e, asyncio.IncompleteReadError):",
  '        return "IncompleteReadError %s %s" % (e.partial, e.expected)',
  "    return type(e).__name__",
  "",
].join("\n");

/** `try: <body> except ...: log(tag, error)` with the grammar's clauses; `onCancel` ends a handler. */
function tryNet(ind: string, lines: string[], body: string[], tag: string, onCancel = ""): void {
  lines.push(`${ind}try:`);
  for (const l of body) lines.push(`${ind}    ${l}`);
  lines.push(`${ind}except asyncio.CancelledError:`);
  lines.push(`${ind}    log(${JSON.stringify(tag)}, "CancelledError")`);
  if (onCancel !== "") lines.push(`${ind}    ${onCancel}`);
  lines.push(`${ind}except Exception as e:`);
  lines.push(`${ind}    log(${JSON.stringify(tag)}, fmt_err(e))`);
}

/** A client statement as Python. */
export function netStmtPy(s: NetStmt, ind: string, lines: string[]): void {
  if (s.op === "srvclose") {
    lines.push(`${ind}SERVER.close()`);
    lines.push(`${ind}log("server closed", SERVER.is_serving())`);
    return;
  }
  const c = JSON.stringify(s.c);
  if (s.op === "nconn") {
    const limit = s.limit === undefined ? "" : `, limit=${s.limit}`;
    tryNet(ind, lines, [`R[${c}], W[${c}] = await asyncio.open_connection("127.0.0.1", PORT${limit})`, `log("conn ${s.c}")`], `conn ${s.c}`);
    return;
  }
  lines.push(`${ind}if ${c} in W:`);
  const i2 = `${ind}    `;
  switch (s.op) {
    case "nwrite":
      tryNet(i2, lines, [`W[${c}].write(${pyBytes(s.data)})`, ...(s.drain ? [`await W[${c}].drain()`] : []), `log("wrote ${s.c}")`], `write ${s.c}`);
      break;
    case "nlines":
      // CPython 3.12's writelines on a closing transport spins the loop for ever (see "Why `writelines` is guarded" above)
      lines.push(`${i2}if W[${c}].is_closing():`);
      lines.push(`${i2}    log("writelines ${s.c} closing")`);
      lines.push(`${i2}else:`);
      tryNet(`${i2}    `, lines, [`W[${c}].writelines([${s.parts.map(pyBytes).join(", ")}])`, `await W[${c}].drain()`, `log("wrote lines ${s.c}")`], `writelines ${s.c}`);
      break;
    case "neof":
      tryNet(i2, lines, [`W[${c}].write_eof()`, `log("eof ${s.c}")`], `eof ${s.c}`);
      break;
    case "nread": {
      const tag = `${readTag(s.r)} ${s.c}`;
      const expr = readPy(s.r, `R[${c}]`);
      tryNet(i2, lines, [`r = await ${s.t === null ? expr : `asyncio.wait_for(${expr}, ${s.t})`}`, `log(${JSON.stringify(tag)}, r)`], tag);
      break;
    }
    case "nclose":
      tryNet(i2, lines, [`W[${c}].close()`, ...(s.wait ? [`await W[${c}].wait_closed()`] : []), `log("closed ${s.c}", W[${c}].is_closing())`], `close ${s.c}`);
      break;
  }
}

/** The server's handlers and the `handle` that start_server runs. */
export function serverPy(server: NetServer): string[] {
  const defs: string[] = [];
  server.handlers.forEach((script, i) => {
    const lines = [`async def h${i}(reader, writer):`, `    last = b""`];
    for (const s of script) {
      const ind = "    ";
      switch (s.op) {
        case "read": {
          const tag = `srv ${readTag(s.r)}`;
          tryNet(ind, lines, [`last = await ${readPy(s.r, "reader")}`, `log(${JSON.stringify(tag)}, last)`], tag, "return");
          break;
        }
        case "write":
          tryNet(ind, lines, [`writer.write(${pyBytes(s.data)})`, "await writer.drain()"], "srv write", "return");
          break;
        case "echo":
          tryNet(ind, lines, ["writer.write(last)", "await writer.drain()", `log("srv echo", last)`], "srv echo", "return");
          break;
        case "loop":
          tryNet(
            ind,
            lines,
            ["n = 0", "while line := await reader.readline():", "    writer.write(line)", "    await writer.drain()", "    n += 1", `log("srv loop", n)`],
            "srv loop",
            "return",
          );
          break;
        case "eof":
          lines.push(`${ind}writer.write_eof()`);
          break;
        case "close":
          tryNet(ind, lines, ["writer.close()", "await writer.wait_closed()", `log("srv closed")`], "srv close", "return");
          break;
        case "abort":
          lines.push(`${ind}writer.transport.abort()`);
          lines.push(`${ind}log("srv abort")`);
          break;
        case "sleep":
          lines.push(`${ind}await asyncio.sleep(${s.d})`);
          break;
      }
    }
    defs.push(lines.join("\n"));
  });
  defs.push(
    [
      "async def handle(reader, writer):",
      "    k = HN[0]",
      "    HN[0] += 1",
      `    log("srv conn", k)`,
      `    await (${server.handlers.map((_, i) => `h${i}`).join(", ")},)[k % ${server.handlers.length}](reader, writer)`,
    ].join("\n"),
  );
  return defs;
}

/** The lines of main() that start the server. */
export function startServerPy(server: NetServer): string[] {
  const limit = server.limit === undefined ? "" : `, limit=${server.limit}`;
  return [
    "    global SERVER, PORT",
    `    SERVER = await asyncio.start_server(handle, "127.0.0.1", 0${limit})`,
    "    PORT = SERVER.sockets[0].getsockname()[1]",
  ];
}

// ------------------------------------------------------------------ vloop

/** A network program's state on the vloop side. */
export interface NetCtx {
  server: Server | null;
  port: number;
  readers: Map<string, StreamReader>;
  writers: Map<string, StreamWriter>;
  /** handlers started so far */
  hn: number;
}

export function newNetCtx(): NetCtx {
  return { server: null, port: 0, readers: new Map(), writers: new Map(), hn: 0 };
}

function bytes(s: string): Uint8Array {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

/** Python's fmt_err above. */
function fmtErr(e: Error): string {
  if (e instanceof IncompleteReadError) return `IncompleteReadError ${bytesRepr(e.partial)} ${e.expected === null ? "None" : e.expected}`;
  return e.name;
}

/** The except clauses of tryNet: true if the statement's task must stop (a handler cancelled). */
function netCaught(tag: string, e: unknown, stopOnCancel: boolean): boolean {
  if (e instanceof CancelledError) {
    log(tag, "CancelledError");
    return stopOnCancel;
  }
  if (e instanceof Error) {
    log(tag, fmtErr(e));
    return false;
  }
  throw e;
}

function readOf(r: Read, reader: StreamReader): CoroutineObject<Uint8Array> {
  switch (r.k) {
    case "read":
      return reader.read(r.n);
    case "line":
      return reader.readline();
    case "exact":
      return reader.readexactly(r.n);
    case "until":
      return reader.readuntil(bytes(r.sep));
  }
}

// ---- generator style

/** Starts the program's server (main's first statements). */
export function* genStartServer(net: NetCtx, server: NetServer): Generator<unknown, void, unknown> {
  const handle = function* (reader: StreamReader, writer: StreamWriter): Generator<unknown, void, unknown> {
    const k = net.hn++;
    log("srv conn", k);
    yield* genHandler(server.handlers[k % server.handlers.length]!, reader, writer);
  };
  net.server = yield* startServer(handle, "127.0.0.1", 0, server.limit === undefined ? {} : { limit: server.limit });
  net.port = net.server.sockets[0]!.getsockname()[1];
}

function* genHandler(script: SrvStmt[], reader: StreamReader, writer: StreamWriter): Generator<unknown, void, unknown> {
  let last: Uint8Array = new Uint8Array(0);
  for (const s of script) {
    switch (s.op) {
      case "read": {
        const tag = `srv ${readTag(s.r)}`;
        try {
          last = yield* readOf(s.r, reader);
          log(tag, last);
        } catch (e) {
          if (netCaught(tag, e, true)) return;
        }
        break;
      }
      case "write":
        try {
          writer.write(bytes(s.data));
          yield* writer.drain();
        } catch (e) {
          if (netCaught("srv write", e, true)) return;
        }
        break;
      case "echo":
        try {
          writer.write(last);
          yield* writer.drain();
          log("srv echo", last);
        } catch (e) {
          if (netCaught("srv echo", e, true)) return;
        }
        break;
      case "loop":
        try {
          let n = 0;
          for (;;) {
            const line = yield* reader.readline();
            if (line.length === 0) break;
            writer.write(line);
            yield* writer.drain();
            n++;
          }
          log("srv loop", n);
        } catch (e) {
          if (netCaught("srv loop", e, true)) return;
        }
        break;
      case "eof":
        writer.writeEof();
        break;
      case "close":
        try {
          writer.close();
          yield* writer.waitClosed();
          log("srv closed");
        } catch (e) {
          if (netCaught("srv close", e, true)) return;
        }
        break;
      case "abort":
        writer.transport.abort();
        log("srv abort");
        break;
      case "sleep":
        yield* sleep(s.d);
        break;
    }
  }
}

/** One client statement, generator style. */
export function* genNetStmt(net: NetCtx, s: NetStmt): Generator<unknown, void, unknown> {
  if (s.op === "srvclose") {
    const server = net.server as Server;
    server.close();
    log("server closed", server.isServing());
    return;
  }
  if (s.op === "nconn") {
    try {
      const [r, w] = yield* openConnection("127.0.0.1", net.port, s.limit === undefined ? {} : { limit: s.limit });
      net.readers.set(s.c, r);
      net.writers.set(s.c, w);
      log(`conn ${s.c}`);
    } catch (e) {
      netCaught(`conn ${s.c}`, e, false);
    }
    return;
  }
  const w = net.writers.get(s.c);
  if (w === undefined) return;
  const reader = net.readers.get(s.c) as StreamReader;
  switch (s.op) {
    case "nwrite":
      try {
        w.write(bytes(s.data));
        if (s.drain) yield* w.drain();
        log(`wrote ${s.c}`);
      } catch (e) {
        netCaught(`write ${s.c}`, e, false);
      }
      break;
    case "nlines":
      if (w.isClosing()) {
        log(`writelines ${s.c} closing`);
        break;
      }
      try {
        w.writelines(s.parts.map(bytes));
        yield* w.drain();
        log(`wrote lines ${s.c}`);
      } catch (e) {
        netCaught(`writelines ${s.c}`, e, false);
      }
      break;
    case "neof":
      try {
        w.writeEof();
        log(`eof ${s.c}`);
      } catch (e) {
        netCaught(`eof ${s.c}`, e, false);
      }
      break;
    case "nread": {
      const tag = `${readTag(s.r)} ${s.c}`;
      try {
        const r = s.t === null ? yield* readOf(s.r, reader) : yield* waitFor(readOf(s.r, reader), s.t);
        log(tag, r);
      } catch (e) {
        netCaught(tag, e, false);
      }
      break;
    }
    case "nclose":
      try {
        w.close();
        if (s.wait) yield* w.waitClosed();
        log(`closed ${s.c}`, w.isClosing());
      } catch (e) {
        netCaught(`close ${s.c}`, e, false);
      }
      break;
  }
}

// ---- async style

/** Starts the program's server (main's first statements), async style. */
export async function asyncStartServer(net: NetCtx, server: NetServer): Promise<void> {
  const handle = async (reader: StreamReader, writer: StreamWriter): Promise<void> => {
    const k = net.hn++;
    log("srv conn", k);
    await asyncHandler(server.handlers[k % server.handlers.length]!, reader, writer);
  };
  net.server = await startServer(handle, "127.0.0.1", 0, server.limit === undefined ? {} : { limit: server.limit });
  net.port = net.server.sockets[0]!.getsockname()[1];
}

async function asyncHandler(script: SrvStmt[], reader: StreamReader, writer: StreamWriter): Promise<void> {
  let last: Uint8Array = new Uint8Array(0);
  for (const s of script) {
    switch (s.op) {
      case "read": {
        const tag = `srv ${readTag(s.r)}`;
        try {
          last = await readOf(s.r, reader);
          log(tag, last);
        } catch (e) {
          if (netCaught(tag, e, true)) return;
        }
        break;
      }
      case "write":
        try {
          writer.write(bytes(s.data));
          await writer.drain();
        } catch (e) {
          if (netCaught("srv write", e, true)) return;
        }
        break;
      case "echo":
        try {
          writer.write(last);
          await writer.drain();
          log("srv echo", last);
        } catch (e) {
          if (netCaught("srv echo", e, true)) return;
        }
        break;
      case "loop":
        try {
          let n = 0;
          for (;;) {
            const line = await reader.readline();
            if (line.length === 0) break;
            writer.write(line);
            await writer.drain();
            n++;
          }
          log("srv loop", n);
        } catch (e) {
          if (netCaught("srv loop", e, true)) return;
        }
        break;
      case "eof":
        writer.writeEof();
        break;
      case "close":
        try {
          writer.close();
          await writer.waitClosed();
          log("srv closed");
        } catch (e) {
          if (netCaught("srv close", e, true)) return;
        }
        break;
      case "abort":
        writer.transport.abort();
        log("srv abort");
        break;
      case "sleep":
        await sleep(s.d);
        break;
    }
  }
}

/** One client statement, async style. */
export async function asyncNetStmt(net: NetCtx, s: NetStmt): Promise<void> {
  if (s.op === "srvclose") {
    const server = net.server as Server;
    server.close();
    log("server closed", server.isServing());
    return;
  }
  if (s.op === "nconn") {
    try {
      const [r, w] = await openConnection("127.0.0.1", net.port, s.limit === undefined ? {} : { limit: s.limit });
      net.readers.set(s.c, r);
      net.writers.set(s.c, w);
      log(`conn ${s.c}`);
    } catch (e) {
      netCaught(`conn ${s.c}`, e, false);
    }
    return;
  }
  const w = net.writers.get(s.c);
  if (w === undefined) return;
  const reader = net.readers.get(s.c) as StreamReader;
  switch (s.op) {
    case "nwrite":
      try {
        w.write(bytes(s.data));
        if (s.drain) await w.drain();
        log(`wrote ${s.c}`);
      } catch (e) {
        netCaught(`write ${s.c}`, e, false);
      }
      break;
    case "nlines":
      if (w.isClosing()) {
        log(`writelines ${s.c} closing`);
        break;
      }
      try {
        w.writelines(s.parts.map(bytes));
        await w.drain();
        log(`wrote lines ${s.c}`);
      } catch (e) {
        netCaught(`writelines ${s.c}`, e, false);
      }
      break;
    case "neof":
      try {
        w.writeEof();
        log(`eof ${s.c}`);
      } catch (e) {
        netCaught(`eof ${s.c}`, e, false);
      }
      break;
    case "nread": {
      const tag = `${readTag(s.r)} ${s.c}`;
      try {
        const r = s.t === null ? await readOf(s.r, reader) : await waitFor(readOf(s.r, reader), s.t);
        log(tag, r);
      } catch (e) {
        netCaught(tag, e, false);
      }
      break;
    }
    case "nclose":
      try {
        w.close();
        if (s.wait) await w.waitClosed();
        log(`closed ${s.c}`, w.isClosing());
      } catch (e) {
        netCaught(`close ${s.c}`, e, false);
      }
      break;
  }
}
