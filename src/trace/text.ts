/**
 * The terminal timeline: one row per task, loop iterations across, the
 * virtual time on an axis above.
 *
 * Many steps happen at the same virtual time, so the columns are loop
 * iterations (only those in which something happened), and the axis marks the
 * iterations where the clock moved. This is the picture of asyncio's
 * `_run_once` the docs teach with: every `█` in one column ran in the same
 * iteration, one after another, at the time written above it.
 *
 * A program with a simulated network is drawn as a sequence diagram on the
 * same grid: the task rows are grouped under a row per host ("host db"),
 * which carries that host's faults (◆crash, ◆partition ...), and below the
 * hosts one row per direction ("main → db") draws each message as an arrow
 * from the column it was sent in (●) to the column it arrived in (▶: in the
 * IO phase that begins that iteration, before its handles), labelled
 * ("connect", "synack", "5 bytes", "fin", "rst"); ✕ for a message lost, ┄
 * for one still on its way when the run ended. Messages over a perfect path
 * arrive in the column they were sent in: a lone ▶. Arrows are text, so
 * they run along their direction's row rather than across the task rows;
 * messages that overlap in one direction take further rows.
 */
import type { TraceEvent } from "../loop/trace.js";
import { type HostInfo, type Lane, type Mark, type NetMessage, type Outcome, MESSAGE_OPS, buildModel, formatTime } from "./model.js";
import { ansiColors, colorByDefault } from "../util/ansi.js";

export interface TimelineOptions {
  /** Total width in characters, names included (default 100). */
  width?: number;
  /**
   * ANSI colour (default false). `true` always colours; "auto" decides as
   * picocolors does (NO_COLOR, FORCE_COLOR, a TTY; never in a browser).
   */
  color?: boolean | "auto";
}

const STEP = "█";
const WAIT = "─";
const DEVIATION = "▲";
const DEVIATION_LABEL = "≠CPython";
const MARK: Record<Outcome, string> = { result: "✓", error: "✗", cancelled: "⊘" };
const NAME_MAX = 24;
/** Characters per iteration when there is room: "─█─". */
const CELL_MAX = 3;
/** Message glyphs: sent, arrived, lost, still on its way at the end; a fault on a host's row. */
const SENT = "●";
const ARRIVED = "▶";
const LOST = "✕";
const IN_FLIGHT = "┄";
const FAULT = "◆";
/** The most rows one direction's messages take; the ones that fit in none are counted in a footer. */
const MESSAGE_ROWS_MAX = 4;

type Style = "step" | "cancel" | "error" | "wait" | "result" | "errorMark" | "cancelledMark" | "axis" | "label" | "plain" | "net" | "lost" | "fault" | "host";

/** One group of merged columns, for one lane. */
interface Cell {
  step?: "step" | "cancel" | "error";
}

/**
 * Draws a trace as a terminal timeline.
 *
 * Rows are tasks in creation order; a column is one loop iteration (several,
 * merged, when there are more than fit in `width`: a merged column keeps a
 * step mark if any of its iterations had one, and a footer says so). `█` is
 * a step (in colour: green; yellow when a CancelledError was delivered; red
 * for a final step that raised), `─` waiting (for a future, or for its turn),
 * then `✓` returned, `✗` raised, `⊘` cancelled.
 *
 * @example
 * const tracer = new ArrayTracer();
 * await run(main, { tracer });
 * console.log(renderTimeline(tracer.events, { color: "auto" }));
 * //         t=0      t=1      t=2      t=3
 * //         ┬────────┬────────┬────────┬──
 * // Task-1  ──█──────────────────────────█✓
 * // Task-2     ──█─────█✓
 */
export function renderTimeline(events: readonly TraceEvent[], options: TimelineOptions = {}): string {
  const width = Math.max(20, Math.floor(options.width ?? 100));
  const colored = options.color === "auto" ? colorByDefault() : options.color === true;
  const c = ansiColors(colored);
  const paint: Record<Style, (s: string) => string> = {
    step: c.green,
    cancel: c.yellow,
    error: c.red,
    wait: c.dim,
    result: c.green,
    errorMark: c.red,
    cancelledMark: c.yellow,
    axis: c.dim,
    label: c.cyan,
    plain: (s) => s,
    net: c.cyan,
    lost: c.red,
    fault: c.yellow,
    host: c.bold,
  };

  const { lanes, columns, hosts, messages, marks } = buildModel(events);
  if (columns.length === 0) return "(empty trace)\n";

  const network = hosts.length > 0;
  // Under hosts, task names are indented below their host's row.
  const short = (name: string, max: number): string => (name.length > max ? `${name.slice(0, max - 1)}…` : name);
  const names = lanes.map((l) => (network ? `  ${short(l.name, NAME_MAX - 2)}` : short(l.name, NAME_MAX)));
  const hostNames = hosts.map((h) => short(`host ${h.name}`, NAME_MAX));
  const directions = network ? directionsOf(messages, hosts) : [];
  // Where a choosing strategy (or a replayed tape) left CPython's order:
  // order differences inside one iteration are otherwise invisible here.
  const deviations = events.filter((e) => e.kind === "choice" && e.chosen > 0);
  // (a reduce, not Math.max(...names): a run with 100,000 tasks has more names than a call takes arguments)
  const nameWidth = [...hostNames, ...directions.map((d) => d.name)].reduce(
    (w, n) => Math.max(w, n.length),
    names.reduce((w, n) => Math.max(w, n.length), deviations.length > 0 ? DEVIATION_LABEL.length : 0),
  );
  const indent = nameWidth + 2;
  // One character is kept after the grid for the ✓ of a step in the last column.
  const room = Math.max(1, width - indent - 1);

  const n = columns.length;
  const perGroup = Math.ceil(n / room);
  const groups = Math.ceil(n / perGroup);
  const cell = perGroup > 1 ? 1 : Math.max(1, Math.min(CELL_MAX, Math.floor(room / n)));
  const center = Math.floor(cell / 2);
  const gridWidth = groups * cell + 1;
  const groupOfIteration = new Map<number, number>();
  columns.forEach((col, k) => groupOfIteration.set(col.i, Math.floor(k / perGroup)));
  const groupOf = (i: number): number => groupOfIteration.get(i) ?? 0;

  const out: string[] = [];
  const pad = " ".repeat(indent);
  const [labelLine, ruler] = axis(columns, perGroup, groups, cell, center, gridWidth);
  out.push(pad + paint.label(labelLine.trimEnd()));
  out.push(pad + paint.axis(ruler));

  const laneRow = (k: number): void => {
    const row = drawLane(lanes[k], groupOf, groups, cell, center, gridWidth);
    out.push(names[k].padEnd(indent) + spans(row, paint).replace(/\s+$/, ""));
  };
  let undrawn = 0;
  if (!network) lanes.forEach((_, k) => laneRow(k));
  else {
    const x = (i: number): number => groupOf(i) * cell + center;
    const faults = marks.filter((m) => m.event.kind === "net" && !MESSAGE_OPS.has(m.event.op) && m.event.op !== "host" && m.event.op !== "fault");
    hosts.forEach((host, h) => {
      const line = paint.host(hostNames[h]) + " ".repeat(indent - hostNames[h].length) + spans(faultRow(host, faults, x, gridWidth), paint);
      out.push(line.replace(/\s+$/, ""));
      for (const k of host.lanes) laneRow(k);
    });
    // Labels may run past the grid, up to the width.
    const rowWidth = Math.max(gridWidth, width - indent);
    for (const d of directions) {
      const { rows, left } = messageRows(d.messages, x, rowWidth, gridWidth);
      undrawn += left;
      for (const row of rows) out.push(d.name.padEnd(indent) + spans(row, paint).replace(/\s+$/, ""));
    }
  }

  if (deviations.length > 0) {
    const marks: string[] = Array<string>(gridWidth).fill(" ");
    for (const d of deviations) marks[groupOf(d.i) * cell + center] = DEVIATION;
    out.push(DEVIATION_LABEL.padEnd(indent) + paint.error(marks.join("").trimEnd()));
  }

  const legend = [
    `${paint.step(STEP)} step`,
    ...(!colored ? [] : [`${paint.cancel(STEP)} cancelled at this step`, `${paint.error(STEP)} raised`]),
    `${paint.wait(WAIT)} waiting`,
    `${paint.result(MARK.result)} returned`,
    `${paint.errorMark(MARK.error)} raised`,
    `${paint.cancelledMark(MARK.cancelled)} cancelled`,
  ];
  if (network) {
    legend.push(
      `${paint.net(`${SENT}─${ARRIVED}`)} message sent, arrived`,
      `${paint.lost(LOST)} lost`,
      `${paint.net(IN_FLIGHT)} on its way at the end`,
      `${paint.fault(FAULT)} fault`,
    );
  }
  if (deviations.length > 0) legend.push(`${paint.error(DEVIATION)} a decision that left CPython's order`);
  legend.push(c.dim("(columns: loop iterations)"));
  out.push("");
  out.push(...wrap(legend, width));
  if (perGroup > 1) {
    const note = `compressed: ${n} iterations in ${groups} columns, up to ${perGroup} per column (█ if any of them had a step)`;
    out.push(...wrap(note.split(" "), width, " ").map((line) => c.dim(line)));
  }
  if (undrawn > 0) {
    const note = `${undrawn} more message${undrawn === 1 ? "" : "s"} not drawn (more than ${MESSAGE_ROWS_MAX} rows' worth in one direction)`;
    out.push(...wrap(note.split(" "), width, " ").map((line) => c.dim(line)));
  }
  return `${out.join("\n")}\n`;
}

/** One direction of messages between two hosts ("main → db"), in the order sent. */
interface Direction {
  name: string;
  messages: NetMessage[];
}

/** The directions that carried messages, in the order of their first message. */
function directionsOf(messages: readonly NetMessage[], hosts: readonly HostInfo[]): Direction[] {
  const byKey = new Map<string, Direction>();
  for (const m of messages) {
    const key = `${m.from}>${m.to}`;
    let d = byKey.get(key);
    if (d === undefined) {
      const name = `${hosts[m.from].name} → ${hosts[m.to].name}`;
      d = { name: name.length > NAME_MAX ? `${name.slice(0, NAME_MAX - 1)}…` : name, messages: [] };
      byKey.set(key, d);
    }
    d.messages.push(m);
  }
  return [...byKey.values()];
}

/**
 * A direction's messages as arrows, packed into as few rows as they fit
 * (an arrow and its label take the first row where they clear what is
 * there by a space; without room for its label, an arrow goes unlabelled;
 * past MESSAGE_ROWS_MAX rows, it is left out and counted).
 */
function messageRows(messages: readonly NetMessage[], x: (i: number) => number, rowWidth: number, gridWidth: number): { rows: [string, Style][][]; left: number } {
  const rows: [string, Style][][] = [];
  const free: number[] = []; // per row: the first position after what is drawn there and a space
  let left = 0;
  for (const m of messages) {
    const end = m.end === undefined ? gridWidth - 1 : x(m.end.i);
    const start = m.sent === undefined ? end : Math.min(x(m.sent.i), end);
    const glyphs: [string, Style][] = [];
    const style: Style = m.end?.op === "drop" ? "lost" : "net";
    const body = m.end === undefined ? IN_FLIGHT : "─";
    for (let p = start; p <= end; p++) glyphs.push([p === start && p < end ? SENT : body, style]);
    glyphs[glyphs.length - 1] = [m.end === undefined ? IN_FLIGHT : m.end.op === "drop" ? LOST : ARRIVED, style];
    const label = ` ${m.label}`;
    const room = rowWidth - (end + 1);
    const place = (withLabel: boolean): boolean => {
      const text = withLabel ? label.slice(0, Math.max(0, room)) : "";
      const last = end + text.length;
      let r = free.findIndex((f) => f <= start);
      if (r < 0) {
        if (rows.length >= MESSAGE_ROWS_MAX) return false;
        rows.push([]);
        free.push(0);
        r = rows.length - 1;
      }
      const row = rows[r];
      while (row.length <= last) row.push([" ", "plain"]);
      glyphs.forEach((g, k) => (row[start + k] = g));
      for (let k = 0; k < text.length; k++) row[end + 1 + k] = [text[k], "plain"];
      free[r] = last + 2;
      return true;
    };
    if (!place(room > 1) && !place(false)) left++;
  }
  return { rows, left };
}

/** A host's row: a ◆ (and the fault's name, where it fits) at each fault that names the host. */
function faultRow(host: HostInfo, faults: readonly Mark[], x: (i: number) => number, gridWidth: number): [string, Style][] {
  const row: [string, Style][] = Array.from({ length: gridWidth }, () => [" ", "plain"] as [string, Style]);
  const mine = faults.filter((m) => {
    const ev = m.event as Extract<Mark["event"], { kind: "net" }>;
    return ev.from === host.name || ev.to === host.name || ev.from === "*";
  });
  const at = mine.map((m) => x(m.event.i));
  mine.forEach((m, k) => {
    const pos = at[k];
    row[pos] = [FAULT, "fault"];
    // The name runs up to the next fault on this row.
    const next = at.slice(k + 1).find((p) => p > pos) ?? Infinity;
    const word = (m.event as Extract<Mark["event"], { kind: "net" }>).op;
    if (pos + word.length < next - 1) {
      for (let c = 0; c < word.length; c++) {
        if (pos + 1 + c >= row.length) row.push([" ", "plain"]);
        row[pos + 1 + c] = [word[c], "fault"];
      }
    }
  });
  return row;
}

/**
 * The label line and the ruler. A column where virtual time moved gets a
 * label ("t=1.5") and a tick, as long as the label clears the one before it.
 */
function axis(columns: readonly { i: number; t: number }[], perGroup: number, groups: number, cell: number, center: number, gridWidth: number): [string, string] {
  const labels: string[] = Array<string>(gridWidth).fill(" ");
  const ruler: string[] = Array<string>(groups * cell).fill("─");
  for (let k = 0; k < center; k++) ruler[k] = " ";
  let free = 0; // the first position after the last label and its space
  let prevT: number | undefined;
  for (let g = 0; g < groups; g++) {
    let newT: number | undefined;
    for (const col of columns.slice(g * perGroup, (g + 1) * perGroup)) {
      if (col.t !== prevT) newT ??= col.t;
      prevT = col.t;
    }
    if (newT === undefined) continue;
    const x = g * cell + center;
    const text = `t=${formatTime(newT)}`;
    // A label that would run off the end moves left, if it still clears its neighbour.
    const start = Math.min(x, gridWidth - text.length);
    if (start < free || start < 0) continue;
    for (let k = 0; k < text.length; k++) labels[start + k] = text[k];
    ruler[x] = "┬";
    free = start + text.length + 1;
  }
  return [labels.join(""), ruler.join("")];
}

/** One task's row, as styled characters. */
function drawLane(lane: Lane, groupOf: (i: number) => number, groups: number, cell: number, center: number, gridWidth: number): [string, Style][] {
  const row: [string, Style][] = Array.from({ length: gridWidth }, () => [" ", "plain"] as [string, Style]);
  const cells: Cell[] = Array.from({ length: groups }, () => ({}));
  for (const step of lane.steps) {
    const kind = step.outcome === "error" ? "error" : step.cancel ? "cancel" : "step";
    const c = cells[groupOf(step.i)];
    // A merged column shows its most telling step: an error, then a cancellation.
    if (c.step === undefined || rank(kind) > rank(c.step)) c.step = kind;
  }
  const first = groupOf(lane.created.i);
  const last = lane.finish !== undefined ? groupOf(lane.finish.i) : groups - 1;
  for (let g = first; g <= last; g++) {
    const x0 = g * cell;
    const x = x0 + center;
    const finishing = lane.finish !== undefined && g === last;
    for (let k = 0; k < cell; k++) {
      const pos = x0 + k;
      if (pos < x) {
        if (g > first) row[pos] = [WAIT, "wait"];
      } else if (pos > x) {
        if (!finishing) row[pos] = [WAIT, "wait"];
      }
    }
    const step = cells[g].step;
    if (step !== undefined) row[x] = [STEP, step];
    else if (!finishing) row[x] = [WAIT, "wait"];
    if (finishing && lane.finish !== undefined) {
      const outcome = lane.finish.outcome;
      const style: Style = outcome === "result" ? "result" : outcome === "error" ? "errorMark" : "cancelledMark";
      row[step !== undefined ? x + 1 : x] = [MARK[outcome], style];
    }
  }
  return row;
}

function rank(kind: "step" | "cancel" | "error"): number {
  return kind === "error" ? 2 : kind === "cancel" ? 1 : 0;
}

/** Joins items with `sep` (two spaces), breaking lines before `width`. */
function wrap(items: readonly string[], width: number, sep = "  "): string[] {
  const lines: string[] = [];
  let line = "";
  let visible = 0;
  for (const item of items) {
    const len = item.replace(/\x1b\[[0-9;]*m/g, "").length;
    if (visible > 0 && visible + sep.length + len > width) {
      lines.push(line);
      line = "";
      visible = 0;
    }
    line += (visible > 0 ? sep : "") + item;
    visible += (visible > 0 ? sep.length : 0) + len;
  }
  if (visible > 0) lines.push(line);
  return lines;
}

/** Joins styled characters, one escape sequence per run of equal style. */
function spans(row: readonly [string, Style][], paint: Record<Style, (s: string) => string>): string {
  let out = "";
  let k = 0;
  while (k < row.length) {
    const style = row[k][1];
    let text = "";
    while (k < row.length && row[k][1] === style) text += row[k++][0];
    out += paint[style](text);
  }
  return out;
}
