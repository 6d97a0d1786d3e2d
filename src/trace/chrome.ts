/**
 * A trace as Chrome Trace Event Format JSON, for Perfetto (ui.perfetto.dev)
 * and chrome://tracing.
 *
 * The format has one clock and vloop has two (virtual time, and the order of
 * the handles run at one virtual time), so each handle gets a slot of
 * SLOT_US microseconds, starting at its virtual time in microseconds or just
 * after the previous handle, whichever is later: ts = t * 1e6 + k * SLOT_US
 * for the k-th handle run at time t (while they fit in the second). The true
 * virtual time and loop iteration are kept in each event's `args`.
 *
 * Tracks: process "vloop"; a "loop" thread for callbacks that are not task
 * steps (timers, done callbacks), then one thread per task in creation order.
 * Each step is a complete event ("X"); a flow arrow ("s" → "f") runs from
 * the handle that woke a step to that step; timers, cancellations, choices
 * and task creation are instant events ("i").
 *
 * With a simulated network, each host is a process ("host db (10.0.0.2)")
 * holding its tasks' threads and a "network" thread, where each message's
 * arrival (or loss) is a short slice; a flow arrow (cat "net") runs from the
 * step or callback that sent the message to its arrival, so Perfetto draws
 * the run as a sequence diagram. The loop's own callbacks and timers stay in
 * process "vloop". Faults are process-wide instants.
 *
 * Format: https://docs.google.com/document/d/1CvAClvFfyA5R-PhYUmn5OOQtYMH4h6I0nSsKchNAySU
 */
import type { TraceEvent } from "../loop/trace.js";
import { type Lane, type Mark, type NetMessage, type Run, MESSAGE_OPS, buildModel } from "./model.js";

/** One entry of `traceEvents`, with the fields each phase requires. */
export type ChromeEvent =
  | { name: string; ph: "M"; ts: 0; pid: number; tid: number; args: { name: string } | { sort_index: number } }
  | { name: string; cat: string; ph: "X"; ts: number; dur: number; pid: number; tid: number; args: Record<string, unknown> }
  | { name: string; cat: string; ph: "i"; s: "t" | "p"; ts: number; pid: number; tid: number; args: Record<string, unknown> }
  | { name: string; cat: string; ph: "s"; id: number; ts: number; pid: number; tid: number }
  | { name: string; cat: string; ph: "f"; bp: "e"; id: number; ts: number; pid: number; tid: number };

export interface ChromeTrace {
  traceEvents: ChromeEvent[];
  displayTimeUnit: "ms";
}

/** Microseconds between the starts of two handles run at the same virtual time. */
export const SLOT_US = 10;
/** Width of a step or callback slice, leaving a gap before the next slot. */
const DUR_US = 8;
const PID = 1;
const LOOP_TID = 1;
const laneTid = (lane: number): number => (lane < 0 ? LOOP_TID : lane + 2);
/** With a network: host h is process HOST_PID + h. */
const HOST_PID = 2;
/** Message flows are numbered from here (wake-up flows are numbered by run). */
const MESSAGE_FLOW = 1_000_000;

/**
 * Converts a trace to Chrome Trace Event Format, ready for JSON.stringify.
 * Open the file in https://ui.perfetto.dev (or chrome://tracing).
 *
 * @example
 * const tracer = new ArrayTracer();
 * await run(main, { tracer });
 * writeFileSync("run.json", JSON.stringify(toChromeTrace(tracer.events)));
 */
export function toChromeTrace(events: readonly TraceEvent[]): ChromeTrace {
  const { lanes, runs, marks, hosts, messages } = buildModel(events);
  const network = hosts.length > 0;
  const pidOf = (lane: number): number => (network && lane >= 0 ? HOST_PID + (lanes[lane].host ?? 0) : PID);
  const netTid = (host: number): number => lanes.length + 2 + host;
  const meta: ChromeEvent[] = [
    { name: "process_name", ph: "M", ts: 0, pid: PID, tid: LOOP_TID, args: { name: "vloop" } },
    { name: "thread_name", ph: "M", ts: 0, pid: PID, tid: LOOP_TID, args: { name: "loop (callbacks, timers)" } },
    { name: "thread_sort_index", ph: "M", ts: 0, pid: PID, tid: LOOP_TID, args: { sort_index: 0 } },
  ];
  for (const host of hosts) {
    const pid = HOST_PID + host.index;
    const tid = netTid(host.index);
    meta.push({ name: "process_name", ph: "M", ts: 0, pid, tid, args: { name: `host ${host.name}${host.address !== undefined ? ` (${host.address})` : ""}` } });
    meta.push({ name: "process_sort_index", ph: "M", ts: 0, pid, tid, args: { sort_index: host.index + 1 } });
    meta.push({ name: "thread_name", ph: "M", ts: 0, pid, tid, args: { name: "network (arrivals)" } });
    meta.push({ name: "thread_sort_index", ph: "M", ts: 0, pid, tid, args: { sort_index: 0 } });
  }
  for (const lane of lanes) {
    const tid = laneTid(lane.index);
    const pid = pidOf(lane.index);
    meta.push({ name: "thread_name", ph: "M", ts: 0, pid, tid, args: { name: lane.name } });
    meta.push({ name: "thread_sort_index", ph: "M", ts: 0, pid, tid, args: { sort_index: lane.index + 1 } });
  }

  const body: ChromeEvent[] = [];
  const runTs: number[] = [];
  let cursor = 0;
  const at = (t: number): number => Math.max(cursor, Math.round(t * 1e9) / 1e3);
  const created = (lane: Lane, ts: number): void => {
    const { t, i, run } = lane.created;
    const args = run !== undefined ? { t, i, by: runs[run].what } : { t, i };
    body.push({ name: "created", cat: "task", ph: "i", s: "t", ts, pid: pidOf(lane.index), tid: laneTid(lane.index), args });
  };
  // Messages: the flow of each one, by its trace number (a transfer has none: it starts and ends in one event).
  const flowOf = new Map<number, number>();
  const transfersIn = new Map<number, number>();
  let nextFlow = MESSAGE_FLOW;
  const netSlice = (m: NetMessage, what: string, ts: number, dur: number, args: Record<string, unknown>): void => {
    const host = what === "sent" ? m.from : m.to;
    body.push({ name: `${what} ${m.label}`, cat: "net", ph: "X", ts, dur, pid: HOST_PID + host, tid: netTid(host), args: { ...args, detail: m.detail } });
  };
  const byMsg = new Map<number, NetMessage>();
  for (const msg of messages) if (!msg.transfer && msg.id >= 0) byMsg.set(msg.id, msg);
  let transfers = 0;
  const transferList = messages.filter((msg) => msg.transfer);
  /** A network event: a flow start in the run that sent a message, a slice where it arrived; a fault is an instant. */
  const netMark = (mark: Mark): void => {
    const ev = mark.event as Extract<Mark["event"], { kind: "net" }>;
    if (!MESSAGE_OPS.has(ev.op)) {
      body.push(instant(mark, mark.run === -1 ? at(ev.t) : runTs[mark.run] + DUR_US / 2, PID));
      return;
    }
    const args = { t: ev.t, i: ev.i, from: ev.from, to: ev.to };
    if (ev.op === "transfer") {
      // sent and delivered inside the run: a flow from its slice to a 1 µs arrival just after, one per transfer of the run
      const m = transferList[transfers++];
      if (m === undefined || mark.run < 0) return;
      const k = Math.min(DUR_US - 2, transfersIn.get(mark.run) ?? 0);
      transfersIn.set(mark.run, k + 1);
      const id = nextFlow++;
      const ts = runTs[mark.run] + 1 + k;
      body.push({ name: m.label, cat: "net", ph: "s", id, ts: ts - 0.5, pid: pidOf(runs[mark.run].lane), tid: laneTid(runs[mark.run].lane) });
      netSlice(m, "arrived", ts, 1, { ...args, perfect: true });
      body.push({ name: m.label, cat: "net", ph: "f", bp: "e", id, ts: ts + 0.5, pid: HOST_PID + m.to, tid: netTid(m.to) });
      return;
    }
    const m = ev.msg !== undefined ? byMsg.get(ev.msg) : undefined;
    if (m === undefined) return;
    if (ev.op === "send") {
      if (m.end === undefined) return; // never arrived: no arrow (its slice-less start would dangle)
      const id = nextFlow++;
      flowOf.set(ev.msg as number, id);
      if (mark.run >= 0) {
        body.push({ name: m.label, cat: "net", ph: "s", id, ts: runTs[mark.run] + DUR_US / 2, pid: pidOf(runs[mark.run].lane), tid: laneTid(runs[mark.run].lane) });
      } else {
        // sent between runs (a reset answered as a message arrived): a slice of its own on the sender's network thread
        const ts = at(ev.t);
        cursor = ts + SLOT_US;
        netSlice(m, "sent", ts, DUR_US, args);
        body.push({ name: m.label, cat: "net", ph: "s", id, ts: ts + 1, pid: HOST_PID + m.from, tid: netTid(m.from) });
      }
      return;
    }
    // delivered or lost, in the IO phase: a slice on the receiver's network thread
    const ts = at(ev.t);
    cursor = ts + SLOT_US;
    netSlice(m, ev.op === "drop" ? "lost" : "arrived", ts, DUR_US, ev.detail !== m.detail ? { ...args, why: ev.detail } : args);
    const id = flowOf.get(ev.msg as number);
    if (id !== undefined) {
      flowOf.delete(ev.msg as number);
      body.push({ name: m.label, cat: "net", ph: "f", bp: "e", id, ts: ts + 1, pid: HOST_PID + m.to, tid: netTid(m.to) });
    }
  };
  for (const lane of lanes) if (lane.created.run === undefined) created(lane, at(lane.created.t));

  // Runs in the order they ran, each with the instants that happened before or during it.
  let m = 0;
  for (let seq = 0; seq <= runs.length; seq++) {
    for (; m < marks.length && marks[m].next <= seq; m++) {
      const mark = marks[m];
      if (network && mark.event.kind === "net") netMark(mark);
      else body.push(instant(mark, mark.run === -1 ? at(mark.event.t) : runTs[mark.run] + DUR_US / 2, pidOf(mark.lane)));
    }
    if (seq === runs.length) break;
    const run = runs[seq];
    const ts = at(run.t);
    runTs.push(ts);
    cursor = ts + SLOT_US;
    body.push(slice(run, ts, lanes, pidOf(run.lane)));
    if (run.wokenBy !== undefined) {
      // The arrow: from inside the waker's slice to inside this one.
      const waker = runs[run.wokenBy];
      const id = seq;
      body.push({ name: "wake", cat: "wake", ph: "s", id, ts: runTs[waker.seq] + DUR_US - 1, pid: pidOf(waker.lane), tid: laneTid(waker.lane) });
      body.push({ name: "wake", cat: "wake", ph: "f", bp: "e", id, ts: ts + 1, pid: pidOf(run.lane), tid: laneTid(run.lane) });
    }
    for (const lane of lanes) if (lane.created.run === seq) created(lane, ts + DUR_US / 2);
  }

  // A stable sort: within one track timestamps never decrease, and ties keep event order.
  body.sort((a, b) => a.ts - b.ts);
  return { traceEvents: [...meta, ...body], displayTimeUnit: "ms" };
}

/** The complete event ("X") of a task step or a callback. */
function slice(run: Run, ts: number, lanes: readonly Lane[], pid: number): ChromeEvent {
  const tid = laneTid(run.lane);
  const resolved = run.resolved.length > 0 ? { resolved: run.resolved } : {};
  if (run.lane < 0) {
    return { name: run.what, cat: "callback", ph: "X", ts, dur: DUR_US, pid, tid, args: { t: run.t, i: run.i, ...resolved } };
  }
  const lane = lanes[run.lane];
  const n = lane.steps.findIndex((s) => s.run === run.seq);
  const step = lane.steps[n];
  // Named after what it resumed from ("sleep(1)"); a first step after the task.
  const name = step.from === undefined ? lane.name : step.cancel ? `${step.from} (cancelled)` : step.from;
  const args: Record<string, unknown> = { t: run.t, i: run.i, step: n + 1 };
  if (step.by !== undefined) args.wokenBy = step.by;
  if (step.cancel) args.cancelled = true;
  if (step.on !== undefined) args.waitsOn = step.on;
  if (step.outcome !== undefined) args.outcome = step.outcome;
  if (step.detail !== undefined) args.error = step.detail;
  Object.assign(args, resolved);
  return { name, cat: "step", ph: "X", ts, dur: DUR_US, pid, tid, args };
}

function instant(mark: Mark, ts: number, pid: number): ChromeEvent {
  const ev = mark.event;
  const make = (name: string, cat: string, s: "t" | "p", tid: number, args: Record<string, unknown>): ChromeEvent => ({
    name,
    cat,
    ph: "i",
    s,
    ts,
    pid: tid === LOOP_TID ? PID : pid,
    tid,
    args: { t: ev.t, i: ev.i, ...args },
  });
  switch (ev.kind) {
    case "timer-set":
      return make(`timer #${ev.timer} set`, "timer", "t", laneTid(mark.lane), { when: ev.when });
    case "timer-fired":
      return make(`timer #${ev.timer} fired`, "timer", "t", LOOP_TID, {});
    case "timer-cancelled":
      return make(`timer #${ev.timer} cancelled`, "timer", "t", laneTid(mark.lane), {});
    case "cancel-requested": {
      // Shown on the track of the task asked to cancel, which is what a reader looks at.
      const tid = laneTid(mark.target !== undefined && mark.target >= 0 ? mark.target : mark.lane);
      return make(`cancel ${ev.task}`, "cancel", "t", tid, ev.by ? { by: ev.by } : {});
    }
    case "choice":
      // A decision of the scheduling strategy: process-wide.
      return make(`choice: ${ev.point} ${ev.chosen} of ${ev.n}`, "choice", "p", LOOP_TID, { point: ev.point, n: ev.n, chosen: ev.chosen });
    case "net":
      // The simulated network: a message or a fault, process-wide.
      return make(`${ev.op} ${ev.from === ev.to ? ev.from : `${ev.from}->${ev.to}`}${ev.detail ? ` (${ev.detail})` : ""}`, "net", "p", LOOP_TID, { from: ev.from, to: ev.to, ...(ev.msg !== undefined ? { msg: ev.msg } : {}) });
  }
}
