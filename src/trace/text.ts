/**
 * The terminal timeline: one row per task, loop iterations across, the
 * virtual time on an axis above.
 *
 * Many steps happen at the same virtual time, so the columns are loop
 * iterations (only those in which something happened), and the axis marks the
 * iterations where the clock moved. This is the picture of asyncio's
 * `_run_once` the docs teach with: every `█` in one column ran in the same
 * iteration, one after another, at the time written above it.
 */
import type { TraceEvent } from "../loop/trace.js";
import { type Lane, type Outcome, buildModel, formatTime } from "./model.js";
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

type Style = "step" | "cancel" | "error" | "wait" | "result" | "errorMark" | "cancelledMark" | "axis" | "label" | "plain";

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
  };

  const { lanes, columns } = buildModel(events);
  if (columns.length === 0) return "(empty trace)\n";

  const names = lanes.map((l) => (l.name.length > NAME_MAX ? `${l.name.slice(0, NAME_MAX - 1)}…` : l.name));
  // Where a choosing strategy (or a replayed tape) left CPython's order:
  // order differences inside one iteration are otherwise invisible here.
  const deviations = events.filter((e) => e.kind === "choice" && e.chosen > 0);
  // (a reduce, not Math.max(...names): a run with 100,000 tasks has more names than a call takes arguments)
  const nameWidth = names.reduce((w, n) => Math.max(w, n.length), deviations.length > 0 ? DEVIATION_LABEL.length : 0);
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

  lanes.forEach((lane, k) => {
    const row = drawLane(lane, groupOf, groups, cell, center, gridWidth);
    out.push(names[k].padEnd(indent) + spans(row, paint).replace(/\s+$/, ""));
  });

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
  if (deviations.length > 0) legend.push(`${paint.error(DEVIATION)} a decision that left CPython's order`);
  legend.push(c.dim("(columns: loop iterations)"));
  out.push("");
  out.push(...wrap(legend, width));
  if (perGroup > 1) {
    const note = `compressed: ${n} iterations in ${groups} columns, up to ${perGroup} per column (█ if any of them had a step)`;
    out.push(...wrap(note.split(" "), width, " ").map((line) => c.dim(line)));
  }
  return `${out.join("\n")}\n`;
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
