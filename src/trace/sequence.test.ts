/**
 * A program with a simulated network drawn as a sequence diagram: golden
 * files for the text timeline and the SVG of docs/examples/net_client_server
 * (a client on main, a server on host "db", 50 ms apart), the model's hosts
 * and messages worked out from the program, and Chrome's flows from each
 * send to its arrival.
 *
 * What the example does, message by message (a link of 0.05 s each way):
 * connect (main→db, t=0 → 0.05), synack (db→main, 0.05 → 0.1), "ping\n"
 * (5 bytes main→db, 0.1 → 0.15), "pong ping\n" (10 bytes db→main, 0.15 →
 * 0.2) and db's fin after it (0.15 → 0.2), then main's fin (sent at 0.2,
 * still on its way when main returns: the run ends then). The handshake's
 * last ACK (main→db, 0.1 → 0.15, ahead of "ping") is the kernel's and is not
 * drawn; db accepts the connection when it arrives, at 0.15. Nothing wakes at
 * 0.05 (the SYN is answered by db's kernel), so the IO phase moves the clock
 * on to the SYN-ACK: both arrive in the same iteration.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { currentTask, getRunningLoop, network, openConnection, run, sleep, startServer, type StreamReader, type StreamWriter } from "../index.js";
import { ArrayTracer, type TraceEvent } from "../loop/trace.js";
import { type ChromeEvent, toChromeTrace } from "./chrome.js";
import { buildModel } from "./model.js";
import { renderSvg } from "./svg.js";
import { renderTimeline } from "./text.js";
import { main as clientServer, meta } from "../../docs/examples/net_client_server.async.js";

const here = dirname(fileURLToPath(import.meta.url));
const goldenDir = join(here, "__golden__");

function golden(name: string, actual: string): void {
  const path = join(goldenDir, name);
  if (!existsSync(path)) {
    mkdirSync(goldenDir, { recursive: true });
    writeFileSync(path, actual);
  }
  expect(actual, `golden file ${name} (delete it to regenerate)`).toBe(readFileSync(path, "utf8"));
}

/** A program's trace, its main task named "main" as the vloop command names it. */
async function traceOf(program: () => Promise<unknown>): Promise<TraceEvent[]> {
  const tracer = new ArrayTracer();
  await run(
    () => {
      currentTask()?.setName("main");
      return program();
    },
    { tracer },
  );
  return tracer.events;
}

const enc = (s: string) => new TextEncoder().encode(s);

/** The example without the link's latency: every message goes over a perfect path. */
async function perfect(): Promise<void> {
  network().host("db", () =>
    startServer(
      async (reader: StreamReader, writer: StreamWriter) => {
        writer.write(await reader.readline());
        writer.close();
      },
      "0.0.0.0",
      5432,
    ),
  );
  // (a perfect path completes connect() inside the call: the server must be listening first)
  for (let k = 0; k < 5; k++) await sleep(0);
  const [reader, writer] = await openConnection("db", 5432);
  writer.write(enc("ping\n"));
  await reader.readline();
  writer.close();
  await writer.waitClosed();
}

describe("a client and a server on two hosts", () => {
  test("text timeline and SVG match their golden files", async () => {
    const events = await traceOf(clientServer);
    golden("net_client_server.txt", renderTimeline(events));
    golden("net_client_server.svg", renderSvg(events, { title: meta.title }));
  });

  test("the model: hosts with their tasks, messages paired with their arrivals", async () => {
    const events = await traceOf(clientServer);
    const { hosts, lanes, messages, runs } = buildModel(events);
    expect(hosts.map((h) => `${h.name} ${h.address ?? "-"}: ${h.lanes.map((k) => lanes[k].name).join(" ")}`)).toEqual([
      "main -: main",
      // db's main, the lookup startServer gathers, the accept task and the handler the callback made
      "db 10.0.0.2: db Task-3 Task-4 Task-5",
    ]);
    const name = (h: number) => hosts[h].name;
    const shown = messages.map((m) => `${m.label} ${name(m.from)}>${name(m.to)} t=${m.sent?.t}→${m.end === undefined ? "never" : `${m.end.op} t=${+m.end.t.toFixed(6)}`}`);
    expect(shown).toEqual([
      "connect main>db t=0→deliver t=0.05",
      "synack db>main t=0.05→deliver t=0.1",
      "5 bytes main>db t=0.1→deliver t=0.15",
      "10 bytes db>main t=0.15000000000000002→deliver t=0.2",
      "fin db>main t=0.15000000000000002→deliver t=0.2",
      "fin main>db t=0.2→never",
    ]);
    // A delivery belongs to the iteration whose handles it wakes: the first run after it is in that iteration.
    // The SYN wakes no handle (db's kernel answers it): its iteration's first run is the SYN-ACK's, at 0.1.
    for (const m of messages) {
      if (m.end === undefined) continue;
      const next = runs.find((r) => r.i >= (m.end as { i: number }).i);
      expect(next?.i, m.detail).toBe(m.end.i);
      expect(next?.t, m.detail).toBe(m.label === "connect" ? 0.1 : m.end.t);
    }
    // connect and "ping" are sent by main's steps (the first one ran as Task-1, before the harness named it),
    // the synack in db's IO phase (no run), the reply by the handler's step
    const by = (k: number) => (messages[k].sent?.run === -1 ? "IO phase" : runs[messages[k].sent?.run as number].what);
    expect([0, 1, 2, 3].map(by)).toEqual(["Task-1", "IO phase", "main", "Task-5"]);
  });

  test("the text timeline: hosts head their tasks' rows, one row per direction of messages", async () => {
    const text = renderTimeline(await traceOf(clientServer));
    const rows = text.split("\n").map((l) => /^ *\S+(?: \S+)*/.exec(l)?.[0]);
    expect(rows.slice(2, 13)).toEqual(["host main", "  main", "host db", "  db", "  Task-3", "  Task-4", "  Task-5", "main → db", "main → db", "db → main", "db → main"]);
    // (columns are iterations: "ping" leaves in the column after the SYN-ACK's, under connect's label, so it takes a row of its own)
    expect(text).toMatch(/main → db +●─+▶ connect +●┄+ fin\n/);
    expect(text).toMatch(/main → db +●─+▶ 5 bytes\n/);
    expect(text).toContain("●─▶ message sent, arrived");
  });

  test("the text timeline fits its width, labels included", async () => {
    const events = await traceOf(clientServer);
    for (const width of [100, 50, 30]) {
      const lines = renderTimeline(events, { width }).trimEnd().split("\n");
      for (const line of lines) expect([...line].length, `${width}: ${line}`).toBeLessThanOrEqual(width);
      // every message is drawn, its arrowhead or ┄ on a direction row
      const arrows = lines.filter((l) => l.includes(" → ") && !l.includes("message")).join("").match(/[▶┄✕]/g) ?? [];
      expect(arrows.length, String(width)).toBeGreaterThanOrEqual(6);
    }
  });

  test("the SVG: a host row per host, an arrow per message, labelled", async () => {
    const svg = renderSvg(await traceOf(clientServer), { title: meta.title });
    expect(svg).toContain(">host main<");
    expect(svg).toContain(">host db<title>host db (10.0.0.2)</title>");
    // six arrows, the last one (main's fin, still on its way at the end) dashed
    expect(svg.match(/marker-end="url\(#message\)"><title>/g)).toHaveLength(6);
    expect(svg.match(/stroke-dasharray="4 3" marker-end="url\(#message\)"><title>fin main-&gt;db [^<]*still on its way when the run ended/g)).toHaveLength(1);
    for (const label of ["connect", "synack", "5 bytes", "10 bytes", "fin"]) expect(svg).toContain(`paint-order="stroke">${label}</text>`);
    expect(svg).toContain("2 hosts · 6 messages");
  });

  test("Chrome trace: a process per host, and a flow from each send to its arrival", async () => {
    const trace = toChromeTrace(await traceOf(clientServer)).traceEvents;
    const processes = trace.filter((e): e is Extract<ChromeEvent, { ph: "M" }> => e.ph === "M" && e.name === "process_name").map((e) => [e.pid, (e.args as { name: string }).name]);
    expect(processes).toEqual([[1, "vloop"], [2, "host main"], [3, "host db (10.0.0.2)"]]);
    type Flow = Extract<ChromeEvent, { ph: "s" | "f" }>;
    const flows = trace.filter((e): e is Flow => (e.ph === "s" || e.ph === "f") && e.cat === "net");
    const starts = flows.filter((e) => e.ph === "s");
    const ends = flows.filter((e) => e.ph === "f");
    // five messages arrived; main's last fin never did: it has no arrow
    expect(starts.map((e) => e.name)).toEqual(["connect", "synack", "5 bytes", "10 bytes", "fin"]);
    expect(ends.map((e) => e.name)).toEqual(["connect", "synack", "5 bytes", "10 bytes", "fin"]);
    for (const f of ends) {
      const s = starts.find((x) => x.id === f.id) as Flow;
      expect(f.ts).toBeGreaterThan(s.ts);
      // each end lies inside an arrival slice on the receiver's network thread
      const arrival = trace.find((e) => e.ph === "X" && e.cat === "net" && e.pid === f.pid && e.tid === f.tid && e.ts <= f.ts && f.ts <= e.ts + e.dur);
      expect(arrival?.name, f.name).toBe(`arrived ${f.name}`);
    }
    // "ping" leaves main's step (host main's process) and arrives on db's network thread
    const ping = starts.find((e) => e.name === "5 bytes") as Flow;
    expect(ping.pid).toBe(2);
    expect(ends.find((e) => e.id === ping.id)?.pid).toBe(3);
    // every track's timestamps never decrease
    const last = new Map<string, number>();
    for (const e of trace) {
      const k = `${e.pid}/${e.tid}`;
      expect(e.ts).toBeGreaterThanOrEqual(last.get(k) ?? 0);
      last.set(k, e.ts);
    }
  });

  test("a perfect path: each message is one 'transfer', drawn where it was sent", async () => {
    const events = await traceOf(perfect);
    const net = events.filter((e): e is Extract<TraceEvent, { kind: "net" }> => e.kind === "net");
    expect(net.map((e) => `${e.op} ${e.detail ?? ""}`.trim())).toEqual([
      "host 10.0.0.2",
      "transfer connect main->db",
      "transfer synack db->main",
      "transfer 5 bytes main->db",
      "transfer 5 bytes db->main",
      "transfer fin db->main",
      // main's close() after db's is not a message: on a perfect path the kernel drops a FIN to a closed socket
    ]);
    const text = renderTimeline(events);
    expect(text).toMatch(/main → db +▶ connect/);
    const { messages } = buildModel(events);
    expect(messages.every((m) => m.transfer && m.end?.i === m.sent?.i)).toBe(true);
    expect(toChromeTrace(events).traceEvents.filter((e) => e.ph === "f" && e.cat === "net")).toHaveLength(5);
  });

  test("loopback within a host is not traced, and a run without a tracer is unchanged by it", async () => {
    const loopback = async () => {
      await startServer(async (_r: StreamReader, w: StreamWriter) => w.close(), "127.0.0.1", 80);
      const [, w] = await openConnection("127.0.0.1", 80);
      w.write(enc("x"));
      w.close();
      await w.waitClosed();
    };
    const withHosts = async () => {
      network().host("db");
      await loopback();
    };
    for (const program of [loopback, withHosts]) {
      const events = await traceOf(program);
      expect(events.filter((e) => e.kind === "net" && e.op !== "host")).toEqual([]);
    }
    expect(await run(perfect)).toBeUndefined();
  });

  test("faults: a partition and its repair on both hosts' rows, a lost message ends in ✕, a crash on its host's rows", async () => {
    const faulty = async () => {
      const net = network();
      net.host("db", () =>
        startServer(
          async (r: StreamReader, w: StreamWriter) => {
            for (;;) {
              const line = await r.readline();
              if (line.length === 0) break;
              w.write(line);
            }
          },
          "0.0.0.0",
          5432,
        ),
      );
      net.link("main", "db", { latency: 0.01 });
      const [reader, writer] = await openConnection("db", 5432);
      net.partition("main", "db");
      writer.write(enc("a\n")); // kept by the partition, delivered after the repair
      getRunningLoop().callLater(1, () => net.repair("main", "db"));
      await reader.readline();
      net.rule((m) => (m.kind === "data" ? "drop" : undefined));
      writer.write(enc("b\n")); // lost: the connection is reset
      await sleep(0.5);
      net.crash("db");
      await sleep(0.5);
    };
    const events = await traceOf(faulty);
    const lines = renderTimeline(events).split("\n");
    const row = (name: string) => lines.filter((l) => l.startsWith(name));
    // the partition's ◆ has no room for its name (the request it holds is held as it is sent)
    expect(row("host main")).toEqual([expect.stringMatching(/^host main +◆ +◆repair$/)]);
    expect(row("host db")).toEqual([expect.stringMatching(/^host db +◆ +◆repair +◆crash$/)]);
    expect(row("main → db")).toContain(lines.find((l) => /^main → db .*●─+✕ 2 bytes$/.test(l)));
    const svg = renderSvg(events, { title: "faults" });
    for (const op of ["partition", "repair", "crash"]) expect(svg).toMatch(new RegExp(`stroke-dasharray="4 2"/><text [^>]*>${op}</text><title>${op} `));
    expect(svg).toMatch(/<path d="M[^"]*l8,8 M[^"]*l-8,8" stroke="#cf222e"[^>]*><title>2 bytes main-&gt;db · [^<]* · lost at t=1\.05/);
    // faults are process-wide instants in Chrome's trace
    const instants = toChromeTrace(events).traceEvents.filter((e) => e.ph === "i" && e.cat === "net").map((e) => e.name);
    expect(instants).toEqual(["host db (10.0.0.2)", "partition main->db", "repair main->db", "crash db"]);
  });
});
