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
 * Format: https://docs.google.com/document/d/1CvAClvFfyA5R-PhYUmn5OOQtYMH4h6I0nSsKchNAySU
 */
import type { TraceEvent } from "../loop/trace.js";
import { type Lane, type Mark, type Run, buildModel } from "./model.js";

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
  const { lanes, runs, marks } = buildModel(events);
  const meta: ChromeEvent[] = [
    { name: "process_name", ph: "M", ts: 0, pid: PID, tid: LOOP_TID, args: { name: "vloop" } },
    { name: "thread_name", ph: "M", ts: 0, pid: PID, tid: LOOP_TID, args: { name: "loop (callbacks, timers)" } },
    { name: "thread_sort_index", ph: "M", ts: 0, pid: PID, tid: LOOP_TID, args: { sort_index: 0 } },
  ];
  for (const lane of lanes) {
    const tid = laneTid(lane.index);
    meta.push({ name: "thread_name", ph: "M", ts: 0, pid: PID, tid, args: { name: lane.name } });
    meta.push({ name: "thread_sort_index", ph: "M", ts: 0, pid: PID, tid, args: { sort_index: lane.index + 1 } });
  }

  const body: ChromeEvent[] = [];
  const runTs: number[] = [];
  let cursor = 0;
  const at = (t: number): number => Math.max(cursor, Math.round(t * 1e9) / 1e3);
  const created = (lane: Lane, ts: number): void => {
    const { t, i, run } = lane.created;
    const args = run !== undefined ? { t, i, by: runs[run].what } : { t, i };
    body.push({ name: "created", cat: "task", ph: "i", s: "t", ts, pid: PID, tid: laneTid(lane.index), args });
  };
  for (const lane of lanes) if (lane.created.run === undefined) created(lane, at(lane.created.t));

  // Runs in the order they ran, each with the instants that happened before or during it.
  let m = 0;
  for (let seq = 0; seq <= runs.length; seq++) {
    for (; m < marks.length && marks[m].next <= seq; m++) {
      const mark = marks[m];
      body.push(instant(mark, mark.run === -1 ? at(mark.event.t) : runTs[mark.run] + DUR_US / 2));
    }
    if (seq === runs.length) break;
    const run = runs[seq];
    const ts = at(run.t);
    runTs.push(ts);
    cursor = ts + SLOT_US;
    body.push(slice(run, ts, lanes));
    if (run.wokenBy !== undefined) {
      // The arrow: from inside the waker's slice to inside this one.
      const waker = runs[run.wokenBy];
      const id = seq;
      body.push({ name: "wake", cat: "wake", ph: "s", id, ts: runTs[waker.seq] + DUR_US - 1, pid: PID, tid: laneTid(waker.lane) });
      body.push({ name: "wake", cat: "wake", ph: "f", bp: "e", id, ts: ts + 1, pid: PID, tid: laneTid(run.lane) });
    }
    for (const lane of lanes) if (lane.created.run === seq) created(lane, ts + DUR_US / 2);
  }

  // A stable sort: within one track timestamps never decrease, and ties keep event order.
  body.sort((a, b) => a.ts - b.ts);
  return { traceEvents: [...meta, ...body], displayTimeUnit: "ms" };
}

/** The complete event ("X") of a task step or a callback. */
function slice(run: Run, ts: number, lanes: readonly Lane[]): ChromeEvent {
  const tid = laneTid(run.lane);
  const resolved = run.resolved.length > 0 ? { resolved: run.resolved } : {};
  if (run.lane < 0) {
    return { name: run.what, cat: "callback", ph: "X", ts, dur: DUR_US, pid: PID, tid, args: { t: run.t, i: run.i, ...resolved } };
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
  return { name, cat: "step", ph: "X", ts, dur: DUR_US, pid: PID, tid, args };
}

function instant(mark: Mark, ts: number): ChromeEvent {
  const ev = mark.event;
  const make = (name: string, cat: string, s: "t" | "p", tid: number, args: Record<string, unknown>): ChromeEvent => ({
    name,
    cat,
    ph: "i",
    s,
    ts,
    pid: PID,
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
      return make(`${ev.op} ${ev.detail ?? `${ev.from}->${ev.to}`}`, "net", "p", LOOP_TID, { from: ev.from, to: ev.to, ...(ev.msg !== undefined ? { msg: ev.msg } : {}) });
  }
}
