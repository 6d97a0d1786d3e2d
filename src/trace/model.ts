/**
 * The trace, read back into the shapes the renderers draw: one lane per task,
 * the loop iterations in which something happened, and the "runs" (a task
 * step or a plain callback: one handle the loop ran) in the order they ran.
 *
 * The renderers (text.ts, chrome.ts, svg.ts) are pure functions of this model,
 * and the model is a pure function of the `TraceEvent[]` a run recorded
 * (src/loop/trace.ts), so a trace renders the same way every time.
 *
 * Trace events name tasks, they do not number them. Two rules recover a task
 * from a name:
 * - "suspend" and "finish" always belong to the step that is running, so a
 *   task renamed during a step (as runScenario renames Task-1 to "main") keeps
 *   its lane, which takes the new name;
 * - a name used by two tasks means the one created last.
 * An eager task's first step ("step" with `eager`) runs inside its
 * creator's step or callback: it is a run of its own, and when it suspends
 * or finishes the creator's step goes on (its events are the creator's again).
 * A task renamed between its creation and its first step (TaskGroup's
 * createTask(coro, { name }) does this) shows up as a "task-created" under
 * the old name and steps under a new one. Such a trace has lanes that never
 * ran and lanes with no creation event; the lanes that never ran are then
 * dropped, and the others start at their first event.
 *
 * A program with a simulated network (src/net/network.ts) also has hosts
 * and messages. Every task lives on a host ("task-created" names it; "main"
 * when it does not), and `hosts` lists them, "main" first, then in the order
 * they were added. `messages` pairs each "send" with its "deliver" or "drop"
 * (by `msg`), and a "transfer" (a perfect path: sent and delivered in one
 * syscall) is a message of its own. A trace without network events has no
 * hosts and no messages, and renders as it always did.
 */
import type { TraceEvent } from "../loop/trace.js";

/** How a task ended. */
export type Outcome = "result" | "error" | "cancelled";

/** One step of a task: from `step` to its `suspend` or `finish`. */
export interface StepMark {
  /** Loop iteration and virtual time of the step. */
  i: number;
  t: number;
  /** Index of this step's run in `TraceModel.runs`. */
  run: number;
  /** A CancelledError was thrown into the task at this step. */
  cancel: boolean;
  /** Who woke the task (a task name, "timer #3", "callback doneCallback"). */
  by?: string;
  /** What the task had waited on before this step ("sleep(1)", "Task-2"); absent for the first step. */
  from?: string;
  /** What the task waits on after this step; absent when it finished here. */
  on?: string;
  /** Set on the step the task finished in. */
  outcome?: Outcome;
  /** The error's name, when `outcome` is "error". */
  detail?: string;
}

/** One task, in creation order. */
export interface Lane {
  /** The task's name (its last one, if it was renamed). */
  name: string;
  /** Position in creation order (0 for the first task). */
  index: number;
  /**
   * Where the task was created, and by which run (absent when created outside
   * any handle). `seen` is false when the trace lacks the event: then this is
   * the task's first event instead.
   */
  created: { i: number; t: number; run?: number; seen: boolean };
  steps: StepMark[];
  finish?: { i: number; t: number; outcome: Outcome; detail?: string };
  /** The index in `TraceModel.hosts` of the host the task lives on (only when the trace has hosts). */
  host?: number;
}

/** A host of the simulated network, and its tasks. */
export interface HostInfo {
  name: string;
  /** Position in `TraceModel.hosts` ("main" is 0). */
  index: number;
  /** Its address, when the trace has its "host" event. */
  address?: string;
  /** Where it was added (absent for "main"). */
  added?: { i: number; t: number };
  /** The indexes of its tasks' lanes, in creation order. */
  lanes: number[];
}

/** A message between two hosts: sent in one iteration, delivered or dropped in the same or a later one. */
export interface NetMessage {
  /** The network's number for it (`msg`); -1 for a transfer. */
  id: number;
  /** Indexes in `TraceModel.hosts`. */
  from: number;
  to: number;
  /** Short: "connect", "synack", "refused", "5 bytes", "fin", "rst". */
  label: string;
  /** The trace's words for it ("5 bytes main->db"). */
  detail: string;
  /** Where it was sent: the run that sent it (-1: outside a run, e.g. a reset answered in the IO phase). Absent when the trace lacks the send (a SYN retry). */
  sent?: { i: number; t: number; run: number };
  /** How it ended; absent while still in flight when the trace ends. */
  end?: { op: "deliver" | "drop"; i: number; t: number; detail: string };
  /** Over a perfect path: delivered inside the send, in the same run. */
  transfer: boolean;
}

/** One handle the loop ran: a task step, or a callback that is not a step. */
export interface Run {
  /** Position in `TraceModel.runs`. */
  seq: number;
  i: number;
  t: number;
  /** Lane index for a step; -1 for a callback. */
  lane: number;
  /** The task's name, or the callback ("timer #1", "callback stop"). */
  what: string;
  /** Futures this run completed (the resolve events it emitted). */
  resolved: string[];
  /** For a step woken by someone: the run that woke it, when it can be found. */
  wokenBy?: number;
}

/** A loop iteration in which at least one event happened. */
export interface Column {
  i: number;
  t: number;
}

/** An event that is neither a step nor a callback, placed on the run it happened in. */
export interface Mark {
  event: Exclude<TraceEvent, { kind: "task-created" | "step" | "suspend" | "finish" | "callback" | "resolve" }>;
  /** The run during which it happened, or -1 (between runs: a timer firing, a choice). */
  run: number;
  /** How many runs had started when it happened (between runs: the index of the next one). */
  next: number;
  /** The lane of that run's task (or, between runs, -1). */
  lane: number;
  /** For "cancel-requested": the lane of the task asked to cancel (-1 if unknown). */
  target?: number;
}

export interface TraceModel {
  lanes: Lane[];
  columns: Column[];
  runs: Run[];
  marks: Mark[];
  /** The simulated network's hosts, "main" first; empty when the trace has no network events. */
  hosts: HostInfo[];
  /** Messages between hosts, in the order sent (a message whose send the trace lacks: where it ended). */
  messages: NetMessage[];
}

/** The operations of "net" events that are messages; the others are faults (and "host"). */
export const MESSAGE_OPS: ReadonlySet<string> = new Set(["send", "deliver", "drop", "transfer"]);

/**
 * The short label of a message, from the trace's detail: "5 bytes main->db"
 * is "5 bytes", "connect main->db:5432" is "connect", "fin db->main" is "fin".
 * @example messageLabel("5 bytes main->db"); // "5 bytes"
 */
export function messageLabel(detail: string): string {
  const bytes = /^(\d+ bytes?)\b/.exec(detail);
  if (bytes !== null) return bytes[1];
  return detail.split(" ")[0] ?? detail;
}

/**
 * Reads a trace into lanes, columns and runs.
 * @example const { lanes, columns } = buildModel(tracer.events);
 */
export function buildModel(events: readonly TraceEvent[]): TraceModel {
  const lanes: Lane[] = [];
  const byName = new Map<string, Lane>();
  const runs: Run[] = [];
  const marks: Mark[] = [];
  const columns: Column[] = [];
  /** The step in progress, between "step" and its "suspend"/"finish". */
  type InStep = { lane: Lane; step: StepMark; eager: boolean };
  let current: InStep | null = null;
  /** The run in progress (a step or a callback), until the next run starts. */
  let running: Run | null = null;
  /** What an eager step interrupted (its creator's step or callback), innermost last: it goes on after it. */
  const interrupted: { current: InStep | null; running: Run | null }[] = [];
  const waitingOn = new Map<Lane, string>();
  const hosts: HostInfo[] = [];
  const hostByName = new Map<string, HostInfo>();
  const hostOf = (name: string): HostInfo => {
    let host = hostByName.get(name);
    if (host === undefined) {
      host = { name, index: hosts.length, lanes: [] };
      hosts.push(host);
      hostByName.set(name, host);
    }
    return host;
  };
  /** The host a task-created named, by task name, until the network shows up (tasks before it are main's). */
  const laneHost = new Map<Lane, string>();
  const messages: NetMessage[] = [];
  const byId = new Map<number, NetMessage>();

  const laneFor = (name: string, i: number, t: number): Lane => {
    let lane = byName.get(name);
    if (lane === undefined) {
      lane = { name, index: lanes.length, created: { i, t, seen: false }, steps: [] };
      lanes.push(lane);
      byName.set(name, lane);
    }
    return lane;
  };
  const startRun = (i: number, t: number, lane: number, what: string): Run => {
    running = { seq: runs.length, i, t, lane, what, resolved: [] };
    runs.push(running);
    return running;
  };

  for (const ev of events) {
    const last = columns[columns.length - 1];
    if (last === undefined || last.i !== ev.i) columns.push({ i: ev.i, t: ev.t });
    switch (ev.kind) {
      case "task-created": {
        const lane: Lane = { name: ev.task, index: lanes.length, created: { i: ev.i, t: ev.t, seen: true }, steps: [] };
        if (running !== null) lane.created.run = (running as Run).seq;
        if (ev.host !== undefined) laneHost.set(lane, ev.host);
        lanes.push(lane);
        byName.set(ev.task, lane);
        break;
      }
      case "step": {
        if (ev.eager === true) interrupted.push({ current, running });
        const lane = laneFor(ev.task, ev.i, ev.t);
        const run = startRun(ev.i, ev.t, lane.index, lane.name);
        const step: StepMark = { i: ev.i, t: ev.t, run: run.seq, cancel: ev.cancel === true };
        if (ev.by !== undefined) {
          step.by = ev.by;
          const waker = findWaker(runs, byName, ev.by, run.seq);
          if (waker !== undefined) run.wokenBy = waker;
        }
        const from = waitingOn.get(lane);
        if (from !== undefined) step.from = from;
        lane.steps.push(step);
        current = { lane, step, eager: ev.eager === true };
        break;
      }
      case "suspend":
      case "finish": {
        let lane: Lane;
        let step: StepMark | undefined;
        const ended = current;
        if (ended !== null) {
          ({ lane, step } = ended);
          if (lane.name !== ev.task) {
            // Renamed during this step: the lane follows the task.
            lane.name = ev.task;
            byName.set(ev.task, lane);
          }
        } else {
          lane = laneFor(ev.task, ev.i, ev.t);
          step = lane.steps[lane.steps.length - 1];
        }
        current = null;
        if (ended !== null && ended.eager) {
          // An eager step ends inside its creator's step (or callback), which goes on.
          const outer = interrupted.pop();
          if (outer !== undefined) ({ current, running } = outer);
        }
        if (ev.kind === "suspend") {
          waitingOn.set(lane, ev.on);
          if (step !== undefined) step.on = ev.on;
        } else {
          lane.finish = { i: ev.i, t: ev.t, outcome: ev.outcome, ...(ev.detail !== undefined ? { detail: ev.detail } : {}) };
          if (step !== undefined) {
            step.outcome = ev.outcome;
            if (ev.detail !== undefined) step.detail = ev.detail;
          }
        }
        break;
      }
      case "callback":
        current = null;
        startRun(ev.i, ev.t, -1, ev.what);
        break;
      case "resolve":
        if (running !== null) (running as Run).resolved.push(ev.future);
        break;
      case "timer-fired":
        // Due timers fire as an iteration begins, before any handle runs.
        running = null;
        marks.push({ event: ev, run: -1, next: runs.length, lane: -1 });
        break;
      case "choice":
        // Ready and timer orders are chosen as an iteration begins; a jitter
        // is chosen inside the run that sets the timer.
        // (a network decision may be either: see the "net" case)
        if (ev.point === "ready" || ev.point === "timer") running = null;
        marks.push(markOf(ev, running as Run | null, runs.length));
        break;
      case "net":
        // Messages arrive in the IO phase, between runs; sends and faults
        // happen inside the run that makes them.
        if (ev.op === "deliver" || ev.op === "drop") running = null;
        marks.push(markOf(ev, running as Run | null, runs.length));
        netEvent(ev, running as Run | null);
        break;
      default: {
        const mark = markOf(ev, running as Run | null, runs.length);
        if (ev.kind === "cancel-requested") mark.target = byName.get(ev.task)?.index ?? -1;
        marks.push(mark);
      }
    }
  }
  const kept = dropRenamed(lanes, runs, marks);
  if (hosts.length > 0 || laneHost.size > 0) {
    hostOf("main");
    for (const lane of kept) {
      const host = hostOf(laneHost.get(lane) ?? "main");
      lane.host = host.index;
      host.lanes.push(lane.index);
    }
  }
  return { lanes: kept, columns, runs, marks, hosts, messages };

  function netEvent(ev: Extract<TraceEvent, { kind: "net" }>, run: Run | null): void {
    if (hosts.length === 0) hostOf("main");
    if (ev.op === "host") {
      const host = hostOf(ev.from);
      if (ev.detail !== undefined) host.address = ev.detail.split(" ")[0];
      host.added = { i: ev.i, t: ev.t };
      return;
    }
    if (!MESSAGE_OPS.has(ev.op)) {
      for (const name of [ev.from, ev.to]) if (name !== "*") hostOf(name);
      return;
    }
    const detail = ev.detail ?? `${ev.from}->${ev.to}`;
    if (ev.op === "send" || ev.op === "transfer") {
      const m: NetMessage = {
        id: ev.op === "transfer" ? -1 : (ev.msg ?? -1),
        from: hostOf(ev.from).index,
        to: hostOf(ev.to).index,
        label: messageLabel(detail),
        detail,
        sent: { i: ev.i, t: ev.t, run: run?.seq ?? -1 },
        transfer: ev.op === "transfer",
      };
      if (m.transfer) m.end = { op: "deliver", i: ev.i, t: ev.t, detail };
      messages.push(m);
      if (ev.op === "send" && ev.msg !== undefined) byId.set(ev.msg, m);
      return;
    }
    const op = ev.op as "deliver" | "drop";
    let m = ev.msg !== undefined ? byId.get(ev.msg) : undefined;
    if (m === undefined) {
      // its send is not in the trace (a SYN sent again by the network): it shows where it ended
      m = { id: ev.msg ?? -1, from: hostOf(ev.from).index, to: hostOf(ev.to).index, label: messageLabel(detail), detail, transfer: false };
      messages.push(m);
    } else if (ev.msg !== undefined) {
      byId.delete(ev.msg);
    }
    m.end = { op, i: ev.i, t: ev.t, detail };
  }
}

function markOf(event: Mark["event"], run: Run | null, next: number): Mark {
  return { event, run: run?.seq ?? -1, next, lane: run?.lane ?? -1 };
}

/** Drops the old-name lanes of tasks renamed before their first step (see the header). */
function dropRenamed(lanes: Lane[], runs: Run[], marks: Mark[]): Lane[] {
  if (lanes.every((l) => l.created.seen)) return lanes;
  const kept = lanes.filter((l) => l.steps.length > 0 || l.finish !== undefined);
  if (kept.length === lanes.length) return lanes;
  const renumber = new Map<number, number>();
  kept.forEach((l, k) => {
    renumber.set(l.index, k);
    l.index = k;
  });
  for (const r of runs) if (r.lane >= 0) r.lane = renumber.get(r.lane) ?? -1;
  for (const m of marks) {
    if (m.lane >= 0) m.lane = renumber.get(m.lane) ?? -1;
    if (m.target !== undefined && m.target >= 0) m.target = renumber.get(m.target) ?? -1;
  }
  return kept;
}

/**
 * The run that woke a step: the latest earlier run of `by` (a task's lane or a
 * callback) that completed a future, else its latest earlier run. A strategy
 * that reorders the ready queue could let the waker run again before the
 * woken step; preferring a run that resolved something keeps the arrow right
 * in all but contrived cases.
 */
function findWaker(runs: readonly Run[], byName: Map<string, Lane>, by: string, before: number): number | undefined {
  const lane = byName.get(by);
  const matches = (r: Run): boolean => (lane !== undefined ? r.lane === lane.index : r.lane === -1 && r.what === by);
  let fallback: number | undefined;
  for (let k = before - 1; k >= 0; k--) {
    const r = runs[k];
    if (!matches(r)) continue;
    if (r.resolved.length > 0) return k;
    fallback ??= k;
  }
  return fallback;
}

/**
 * A virtual time as the scenarios print it: up to 6 decimals, trailing zeros
 * dropped ("0", "1.5", "0.300000" → "0.3").
 * @example formatTime(0.1 + 0.2); // "0.3"
 */
export function formatTime(t: number): string {
  if (Number.isInteger(t)) return String(t);
  const s = t.toFixed(6).replace(/0+$/, "").replace(/\.$/, "");
  return s === "-0" ? "0" : s;
}
