/**
 * A trace as a standalone SVG timeline, for the docs and for bug reports.
 *
 * The picture is the terminal timeline's (text.ts), drawn: one lane per task
 * (and one for the loop's own callbacks), columns for the loop iterations in
 * which something happened, shaded bands for the stretches of one virtual
 * time. Inside an iteration each handle gets its own slot, left to right in
 * the order the loop ran them, so "one at a time" is visible. An arrow runs
 * from the handle that woke a task to the step it woke.
 *
 * Self-contained: no scripts, no external fonts or stylesheets, every style
 * inline; hovering a shape shows its details (an SVG <title>).
 *
 * A program with a simulated network becomes a sequence diagram: below the
 * loop's row, a row per host (its name in bold, a dashed lifeline), with the
 * lanes of that host's tasks under it. Each message is an arrow from the
 * step (or callback) that sent it to its receiver's host row, at the start
 * of the iteration it arrived in (the IO phase, before that iteration's
 * handles), labelled "connect", "synack", "5 bytes", "fin", "rst"; a lost
 * one ends in ✕, one still on its way when the run ended is dashed to the
 * right edge. A message over a perfect path arrives inside its send: a
 * vertical arrow. Faults are dashed lines across the rows they touch: a
 * crash or a start across its host's rows, a partition, hold, repair or
 * release between the two hosts' rows.
 */
import type { TraceEvent } from "../loop/trace.js";
import { type HostInfo, type Lane, type Mark, type NetMessage, type Run, type StepMark, type TraceModel, MESSAGE_OPS, buildModel, formatTime } from "./model.js";

export interface SvgOptions {
  /** Heading drawn at the top (default "vloop trace"). */
  title?: string;
}

const FONT = "Helvetica, Arial, 'DejaVu Sans', sans-serif";
const COLOR = {
  text: "#1f2328",
  muted: "#656d76",
  faint: "#d0d7de",
  band: "#f6f8fa",
  wait: "#8c959f",
  step: "#2da44e",
  cancel: "#d4a72c",
  error: "#cf222e",
  timer: "#8250df",
  callback: "#6e7781",
  arrow: "#0969da",
  message: "#0e7c86",
  fault: "#bc4c00",
};
const PAD = 16;
const LANE_H = 28;
const BOX_H = 14;
/** Widest slot (one handle) and gap between iterations, before scaling down. */
const SLOT_W = 14;
const GAP_W = 6;
/** With a network: room before a column where the clock moved. */
const TIME_GAP_W = 40;
/** Plot widths past this are scaled down (to at least 1px a slot). */
const MAX_PLOT_W = 1600;
/** Below this slot width, wake-up arrows would be a blur, and are left out. */
const MIN_ARROW_SLOT_W = 6;
const CHAR_W = 7; // average width of a 12px sans-serif character, for layout

/**
 * Draws a trace as a standalone SVG document (a string starting with "<svg").
 *
 * @example
 * const tracer = new ArrayTracer();
 * await run(main, { tracer });
 * writeFileSync("factorial.svg", renderSvg(tracer.events, { title: "factorial with gather" }));
 */
export function renderSvg(events: readonly TraceEvent[], options: SvgOptions = {}): string {
  const title = options.title ?? "vloop trace";
  const model = buildModel(events);
  const { lanes, columns, runs, hosts, messages } = model;
  const network = hosts.length > 0;
  const steps = lanes.reduce((n, l) => n + l.steps.length, 0);

  const { slotW, gapW, colX, runX, plotX, plotRight } = layout(model);

  // Rows: the loop's, then the lanes; with a network, each host's row before its lanes.
  const rows = rowsOf(model);
  const rowOfLane: number[] = lanes.map((l) => l.index + 1);
  const rowOfHost: number[] = [];
  rows.forEach((r, k) => {
    if (r.kind === "host") rowOfHost.push(k);
    else if (r.kind === "lane") rowOfLane[r.lane as number] = k;
  });
  const plotTop = PAD + 58;
  const rowY = (row: number): number => plotTop + row * LANE_H + LANE_H / 2;
  const laneY = (lane: number): number => rowY(lane < 0 ? 0 : rowOfLane[lane]); // lane -1 is the loop
  const hostY = (host: number): number => rowY(rowOfHost[host]);
  const plotBottom = plotTop + rows.length * LANE_H;
  const width = Math.ceil(Math.max(plotRight + PAD, PAD * 2 + title.length * 9, 480));
  // Where a choosing strategy (or a replayed tape) left CPython's order, as the
  // text timeline's ▲ row: order differences inside one iteration are otherwise invisible.
  const choices = events.filter((e): e is Choice => e.kind === "choice");
  const deviated = choices.some((c) => c.chosen > 0);
  const legendY = plotBottom + (deviated ? 58 : 40);
  const [legendItems, legendRows] = legend(legendY, width, { deviated, iterationZero: columns[0]?.i === 0, network });
  const height = Math.ceil(legendY + legendRows * 18 + 10);

  const geo: Geometry = { runX, slotW, gapW, colX, laneY, hostY, rowY, plotX, plotRight, plotTop, plotBottom };
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${FONT}" font-size="12" fill="${COLOR.text}">`,
  );
  out.push(`<title>${esc(title)}</title>`);
  out.push(
    `<defs><marker id="arrow" viewBox="0 0 8 8" refX="7" refY="4" markerWidth="6" markerHeight="6" orient="auto-start-reverse"><path d="M0,0 L8,4 L0,8 z" fill="${COLOR.arrow}"/></marker>${network ? `<marker id="message" viewBox="0 0 8 8" refX="7" refY="4" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L8,4 L0,8 z" fill="${COLOR.message}"/></marker>` : ""}</defs>`,
  );
  out.push(`<rect x="0" y="0" width="${width}" height="${height}" fill="#ffffff"/>`);
  out.push(`<text x="${PAD}" y="${PAD + 14}" font-size="16" font-weight="600">${esc(title)}</text>`);
  const last = columns[columns.length - 1];
  const span = last === undefined ? "empty trace" : `virtual time ${formatTime(columns[0].t)} → ${formatTime(last.t)}`;
  const withArrows = slotW >= MIN_ARROW_SLOT_W;
  const note = withArrows ? "" : " · too dense for wake-up arrows";
  out.push(
    `<text x="${PAD}" y="${PAD + 32}" fill="${COLOR.muted}" font-size="11">${plural(lanes.length, "task")} · ${plural(steps, "step")}${network ? ` · ${plural(hosts.length, "host")} · ${plural(messages.length, "message")}` : ""} · ${span} · columns are loop iterations${note}</text>`,
  );
  // The parts are joined, not spread into push(): a part of a long run has
  // more elements than a call can take as arguments (a RangeError).
  const parts: string[][] = [out, timeBands(columns, geo), laneLabels(rows, geo), loopLane(runs, geo)];
  if (network) parts.push(hostRows(hosts, columns, geo));
  for (const lane of lanes) parts.push(taskLane(lane, runs, geo));
  if (withArrows) parts.push(arrows(runs, geo));
  if (network) parts.push(faultLines(model.marks, hosts, geo), messageArrows(messages, runs, lanes, geo));
  parts.push(iterationAxis(columns, geo), deviationRow(choices, geo), legendItems, ["</svg>"]);
  return `${parts.filter((p) => p.length > 0).map((p) => p.join("\n")).join("\n")}\n`;
}

/** The rows of the picture, top to bottom: the loop's, then the lanes; with a network, each host's row before its lanes. */
function rowsOf(model: TraceModel): RowLabel[] {
  const { lanes, hosts } = model;
  const rows: RowLabel[] = [{ name: "loop", kind: "loop" }];
  if (hosts.length === 0) for (const l of lanes) rows.push({ name: l.name, kind: "lane", lane: l.index });
  else {
    for (const host of hosts) {
      rows.push({ name: `host ${host.name}`, kind: "host", host });
      for (const k of host.lanes) rows.push({ name: lanes[k].name, kind: "lane", lane: k });
    }
  }
  return rows;
}

/** Where things go across the picture: a slot per run, the iterations' columns, the plot's left and right edges. */
function layout(model: TraceModel): { slotW: number; gapW: number; colX: Map<number, { x: number; w: number }>; runX: number[]; plotX: number; plotRight: number } {
  const { columns, runs } = model;
  // Horizontal layout: one slot per run, at least one per iteration.
  const slotsOf = new Map<number, number>();
  for (const col of columns) slotsOf.set(col.i, 0);
  for (const run of runs) slotsOf.set(run.i, (slotsOf.get(run.i) ?? 0) + 1);
  const totalSlots = columns.reduce((n, c) => n + Math.max(1, slotsOf.get(c.i) ?? 0), 0);
  // With a network, a column where the clock moved gets room before it, so
  // a message that took time is seen to cross it.
  const timeGap = model.hosts.length > 0 ? TIME_GAP_W : 0;
  const advances = columns.reduce((k, c, j) => k + (j > 0 && c.t !== columns[j - 1].t ? 1 : 0), 0);
  const natural = totalSlots * SLOT_W + columns.length * GAP_W + advances * timeGap;
  const scale = natural > MAX_PLOT_W ? Math.max(1 / SLOT_W, MAX_PLOT_W / natural) : 1;
  const slotW = SLOT_W * scale;
  const gapW = GAP_W * scale;
  // (a reduce, not Math.max(...names): a run with 100,000 tasks has more names than a call takes arguments)
  const nameW = rowsOf(model).reduce((w, r) => Math.max(w, r.name.length * CHAR_W + 20), 64);
  const plotX = PAD + nameW;
  const colX = new Map<number, { x: number; w: number }>();
  const runX: number[] = [];
  let x = plotX;
  let prevT: number | undefined;
  for (const col of columns) {
    if (prevT !== undefined && col.t !== prevT) x += timeGap * scale;
    prevT = col.t;
    const n = Math.max(1, slotsOf.get(col.i) ?? 0);
    colX.set(col.i, { x, w: n * slotW + gapW });
    x += n * slotW + gapW;
  }
  const used = new Map<number, number>();
  for (const run of runs) {
    const k = used.get(run.i) ?? 0;
    used.set(run.i, k + 1);
    runX.push((colX.get(run.i)?.x ?? plotX) + gapW / 2 + k * slotW);
  }
  return { slotW, gapW, colX, runX, plotX, plotRight: x };
}

/**
 * The columns of the picture renderSvg draws for the same events: each loop
 * iteration in which something happened, with its left edge and width in the
 * SVG's own units (the playground turns a click on the timeline into an iteration).
 * Mirrors no asyncio function. Throws nothing.
 * @example svgColumns(tracer.events).find((c) => x >= c.x && x < c.x + c.w)?.i
 */
export function svgColumns(events: readonly TraceEvent[]): { i: number; t: number; x: number; w: number }[] {
  const model = buildModel(events);
  const { colX } = layout(model);
  return model.columns.map((c) => ({ i: c.i, t: c.t, x: colX.get(c.i)?.x ?? 0, w: colX.get(c.i)?.w ?? 0 }));
}

/** A row's label: the loop's, a task's, or a host's (with a network). */
interface RowLabel {
  name: string;
  kind: "loop" | "lane" | "host";
  host?: HostInfo;
  /** a lane row: its lane */
  lane?: number;
}

interface Geometry {
  runX: number[];
  slotW: number;
  gapW: number;
  colX: Map<number, { x: number; w: number }>;
  laneY: (lane: number) => number;
  hostY: (host: number) => number;
  rowY: (row: number) => number;
  plotX: number;
  plotRight: number;
  plotTop: number;
  plotBottom: number;
}

/** Alternating bands for the stretches of one virtual time, labelled "t=…" above. */
function timeBands(columns: readonly { i: number; t: number }[], g: Geometry): string[] {
  const out: string[] = [];
  out.push(`<text x="${g.plotX - 8}" y="${g.plotTop - 8}" text-anchor="end" fill="${COLOR.muted}" font-size="11">virtual time</text>`);
  let k = 0;
  let band = 0;
  let free = g.plotX;
  while (k < columns.length) {
    const t = columns[k].t;
    const start = g.colX.get(columns[k].i)?.x ?? g.plotX;
    while (k < columns.length && columns[k].t === t) k++;
    const end = k < columns.length ? (g.colX.get(columns[k].i)?.x ?? g.plotRight) : g.plotRight;
    if (band++ % 2 === 0) out.push(`<rect x="${n(start)}" y="${g.plotTop}" width="${n(end - start)}" height="${g.plotBottom - g.plotTop}" fill="${COLOR.band}"/>`);
    if (end - start >= 8) out.push(`<line x1="${n(start)}" y1="${g.plotTop - 4}" x2="${n(start)}" y2="${g.plotBottom}" stroke="${COLOR.faint}" stroke-width="1"/>`);
    const label = `t=${formatTime(t)}`;
    // Labels go left to right, each where it clears the one before.
    if (start + 3 >= free) {
      out.push(`<text x="${n(start + 3)}" y="${g.plotTop - 8}" fill="${COLOR.muted}" font-size="11">${esc(label)}</text>`);
      free = start + 3 + label.length * 6.5 + 6;
    }
  }
  out.push(`<line x1="${g.plotX}" y1="${g.plotBottom}" x2="${n(g.plotRight)}" y2="${g.plotBottom}" stroke="${COLOR.faint}" stroke-width="1"/>`);
  return out;
}

function laneLabels(rows: readonly RowLabel[], g: Geometry): string[] {
  return rows.map((row, k) => {
    const y = g.rowY(k) + 4;
    const style = row.kind === "loop" ? ` fill="${COLOR.muted}" font-style="italic"` : row.kind === "host" ? ` font-weight="700"` : "";
    const tip = row.kind === "host" && row.host !== undefined ? `<title>${esc(`host ${row.host.name}${row.host.address !== undefined ? ` (${row.host.address})` : ""}`)}</title>` : "";
    return `<text x="${g.plotX - 10}" y="${y}" text-anchor="end"${style}>${esc(row.name)}${tip}</text>`;
  });
}

/** Each host's row: a rule above its group, and a dashed lifeline from when it was added. */
function hostRows(hosts: readonly HostInfo[], columns: readonly { i: number }[], g: Geometry): string[] {
  const out: string[] = [];
  for (const host of hosts) {
    const y = g.hostY(host.index);
    out.push(`<line x1="${PAD}" y1="${n(y - LANE_H / 2)}" x2="${n(g.plotRight)}" y2="${n(y - LANE_H / 2)}" stroke="${COLOR.faint}" stroke-width="1"/>`);
    const from = host.added !== undefined ? (g.colX.get(host.added.i)?.x ?? g.plotX) : (g.colX.get(columns[0]?.i ?? 0)?.x ?? g.plotX);
    out.push(`<line x1="${n(from)}" y1="${y}" x2="${n(g.plotRight)}" y2="${y}" stroke="${COLOR.message}" stroke-opacity="0.35" stroke-width="1" stroke-dasharray="3 3"/>`);
  }
  return out;
}

type NetEvent = Extract<Mark["event"], { kind: "net" }>;

/** Where an event of the network happened on the x axis: inside its run, or (between runs) at the start of its iteration. */
function netX(run: number, i: number, g: Geometry): number {
  if (run >= 0) return g.runX[run] + g.slotW / 2;
  return (g.colX.get(i)?.x ?? g.plotX) + g.gapW / 2;
}

/** Faults as dashed lines across the rows they touch, named at the top. */
function faultLines(marks: readonly Mark[], hosts: readonly HostInfo[], g: Geometry): string[] {
  const out: string[] = [];
  const byName = new Map(hosts.map((h) => [h.name, h]));
  for (const mark of marks) {
    const ev = mark.event;
    if (ev.kind !== "net" || MESSAGE_OPS.has(ev.op) || ev.op === "host" || ev.op === "fault") continue;
    const x = netX(mark.run, ev.i, g);
    const touched = ev.from === "*" ? [...hosts] : [byName.get(ev.from), byName.get(ev.to)].filter((h): h is HostInfo => h !== undefined);
    if (touched.length === 0) continue;
    const tops = touched.map((h) => g.hostY(h.index) - LANE_H / 2 + 3);
    // A crash or a start covers its host's lanes too; a partition runs between the two hosts' rows.
    const bottoms = touched.map((h) => (ev.op === "crash" || ev.op === "start" ? g.hostY(h.index) + h.lanes.length * LANE_H + LANE_H / 2 - 3 : g.hostY(h.index)));
    const y1 = Math.min(...tops);
    const y2 = Math.max(...bottoms);
    const tip = `${ev.op} ${faultWhere(ev)}${ev.detail ? ` (${ev.detail})` : ""} · t=${formatTime(ev.t)} (iteration ${ev.i})`;
    out.push(`<g stroke="${COLOR.fault}" fill="${COLOR.fault}"><line x1="${n(x)}" y1="${n(y1)}" x2="${n(x)}" y2="${n(y2)}" stroke-width="2" stroke-dasharray="4 2"/><text x="${n(x + 3)}" y="${n(y1 + 8)}" stroke="none" font-size="10" font-weight="600">${esc(ev.op)}</text><title>${esc(tip)}</title></g>`);
  }
  return out;
}

function faultWhere(ev: NetEvent): string {
  if (ev.from === "*") return "all hosts";
  return ev.from === ev.to ? ev.from : `${ev.from} → ${ev.to}`;
}

/**
 * Messages: an arrow from the step (or callback) that sent each one to its
 * receiver's host row, at the start of the iteration it arrived in.
 */
function messageArrows(messages: readonly NetMessage[], runs: readonly Run[], lanes: readonly Lane[], g: Geometry): string[] {
  const out: string[] = [`<g font-size="10" fill="none">`];
  for (const m of messages) {
    const y2 = g.hostY(m.to);
    const lost = m.end?.op === "drop";
    const color = lost ? COLOR.error : COLOR.message;
    const sentBy = m.sent !== undefined && m.sent.run >= 0 ? runs[m.sent.run] : undefined;
    const tip = [
      m.detail,
      m.sent !== undefined ? `sent at t=${formatTime(m.sent.t)} (iteration ${m.sent.i})${sentBy !== undefined ? ` by ${sentBy.what}` : ""}` : "sent before the trace shows (a SYN sent again)",
      m.end === undefined ? "still on its way when the run ended" : `${m.transfer ? "delivered at once (a perfect path)" : m.end.op === "drop" ? `lost at t=${formatTime(m.end.t)}` : `delivered at t=${formatTime(m.end.t)}`} (iteration ${m.end.i})${m.end.op === "drop" && m.end.detail !== m.detail ? `: ${m.end.detail}` : ""}`,
    ].join(" · ");
    const x2 = m.end === undefined ? g.plotRight : m.transfer && m.sent !== undefined ? netX(m.sent.run, m.sent.i, g) : (g.colX.get(m.end.i)?.x ?? g.plotX) + g.gapW / 2;
    if (m.sent === undefined) {
      // Only its end is known: a short arrow into the host's row.
      out.push(`<path d="M${n(x2 - 10)},${n(y2 - 10)} L${n(x2)},${n(y2)}" stroke="${color}" stroke-width="1.5" marker-end="url(#message)"><title>${esc(tip)}</title></path>`);
      out.push(label(m.label, x2 - 12, y2 - 12, color, "end"));
      continue;
    }
    const x1 = netX(m.sent.run, m.sent.i, g);
    const onLane = sentBy !== undefined && sentBy.lane >= 0 && lanes[sentBy.lane]?.host === m.from;
    let y1 = onLane ? g.laneY(sentBy.lane) : g.hostY(m.from);
    // Leave a step's box by its edge toward the receiver.
    if (onLane && y1 !== y2) y1 += y2 > y1 ? BOX_H / 2 : -BOX_H / 2;
    const dash = m.end === undefined ? ` stroke-dasharray="4 3"` : "";
    const head = lost ? "" : ` marker-end="url(#message)"`;
    out.push(`<path d="M${n(x1)},${n(y1)} L${n(x2)},${n(y2)}" stroke="${color}" stroke-width="1.5"${dash}${head}><title>${esc(tip)}</title></path>`);
    if (lost) out.push(`<path d="M${n(x2 - 4)},${n(y2 - 4)} l8,8 M${n(x2 + 4)},${n(y2 - 4)} l-8,8" stroke="${color}" stroke-width="2" stroke-linecap="round"><title>${esc(tip)}</title></path>`);
    // The label sits at the arrow's middle, beside a vertical one.
    const mx = (x1 + x2) / 2;
    const my = (y1 + y2) / 2;
    if (Math.abs(x2 - x1) < 4) out.push(label(m.label, mx + 4, my + 3, color, "start"));
    else out.push(label(m.label, mx, my - 3, color, "middle"));
  }
  out.push("</g>");
  return out;
}

/** A small label with a white halo, legible over lines and boxes. */
function label(text: string, x: number, y: number, color: string, anchor: "start" | "middle" | "end"): string {
  return `<text x="${n(x)}" y="${n(y)}" text-anchor="${anchor}" fill="${color}" stroke="#ffffff" stroke-width="3" paint-order="stroke">${esc(text)}</text>`;
}

/** The loop's own callbacks: timers (purple) and other callbacks (grey), as dots. */
function loopLane(runs: readonly Run[], g: Geometry): string[] {
  const out: string[] = [];
  const y = g.laneY(-1);
  const r = Math.min(4, Math.max(1.5, g.slotW / 3));
  for (const run of runs) {
    if (run.lane >= 0) continue;
    const cx = g.runX[run.seq] + g.slotW / 2;
    const fill = run.what.startsWith("timer") ? COLOR.timer : COLOR.callback;
    const tip = `${run.what} · t=${formatTime(run.t)} (iteration ${run.i})${run.resolved.length ? ` · completed ${run.resolved.join(", ")}` : ""}`;
    out.push(`<circle cx="${n(cx)}" cy="${y}" r="${n(r)}" fill="${fill}"><title>${esc(tip)}</title></circle>`);
  }
  return out;
}

/** One task: a thin line while it exists, a box per step, a mark for how it ended. */
function taskLane(lane: Lane, runs: readonly Run[], g: Geometry): string[] {
  const out: string[] = [];
  const y = g.laneY(lane.index);
  const firstStep = lane.steps[0];
  const lastStep = lane.steps[lane.steps.length - 1];
  const createdAt =
    lane.created.run !== undefined
      ? g.runX[lane.created.run] + g.slotW / 2
      : !lane.created.seen && firstStep !== undefined
        ? g.runX[firstStep.run] + g.slotW / 2
        : (g.colX.get(lane.created.i)?.x ?? g.plotX) + g.slotW / 2;
  const endX = lane.finish !== undefined && lastStep !== undefined ? g.runX[lastStep.run] + g.slotW : g.plotRight;
  out.push(`<line x1="${n(createdAt)}" y1="${y}" x2="${n(endX)}" y2="${y}" stroke="${COLOR.wait}" stroke-width="1.5"/>`);
  // The creation mark, unless the trace did not record the creation (a task renamed before it ran).
  if (lane.created.seen) out.push(`<circle cx="${n(createdAt)}" cy="${y}" r="2.5" fill="#ffffff" stroke="${COLOR.wait}" stroke-width="1.5"><title>${esc(`${lane.name} created at t=${formatTime(lane.created.t)} (iteration ${lane.created.i})${lane.created.run !== undefined ? ` by ${runs[lane.created.run].what}` : ""}`)}</title></circle>`);
  const inset = Math.min(2, g.slotW / 4);
  lane.steps.forEach((step, k) => {
    const sx = g.runX[step.run] + inset;
    const fill = step.outcome === "error" ? COLOR.error : step.cancel ? COLOR.cancel : COLOR.step;
    out.push(
      `<rect x="${n(sx)}" y="${y - BOX_H / 2}" width="${n(g.slotW - 2 * inset)}" height="${BOX_H}" rx="2" fill="${fill}"><title>${esc(stepTip(lane, step, k))}</title></rect>`,
    );
  });
  if (lane.finish !== undefined) out.push(finishMark(lane.finish.outcome, endX + 7, y, lane.finish.detail));
  return out;
}

function stepTip(lane: Lane, step: StepMark, k: number): string {
  const parts = [`${lane.name} · step ${k + 1}`, `t=${formatTime(step.t)} (iteration ${step.i})`];
  if (step.from !== undefined) parts.push(`resumed from ${step.from}`);
  if (step.by !== undefined) parts.push(`woken by ${step.by}`);
  if (step.cancel) parts.push("CancelledError delivered");
  if (step.on !== undefined) parts.push(`then waits on ${step.on}`);
  if (step.outcome === "result") parts.push("returned");
  if (step.outcome === "error") parts.push(`raised ${step.detail ?? ""}`.trim());
  if (step.outcome === "cancelled") parts.push("cancelled");
  return parts.join(" · ");
}

/** ✓, ✗ or ⊘ drawn as paths (no font needed). */
function finishMark(outcome: "result" | "error" | "cancelled", cx: number, cy: number, detail?: string): string {
  const tip = outcome === "result" ? "returned" : outcome === "error" ? `raised ${detail ?? ""}`.trim() : "cancelled";
  const a = `<title>${esc(tip)}</title>`;
  if (outcome === "result") {
    return `<path d="M${n(cx - 4)},${cy} l3,3.5 l5.5,-7" fill="none" stroke="${COLOR.step}" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">${a}</path>`;
  }
  if (outcome === "error") {
    return `<path d="M${n(cx - 3.5)},${cy - 3.5} l7,7 M${n(cx + 3.5)},${cy - 3.5} l-7,7" fill="none" stroke="${COLOR.error}" stroke-width="2" stroke-linecap="round">${a}</path>`;
  }
  return `<g fill="none" stroke="${COLOR.cancel}" stroke-width="1.75"><circle cx="${n(cx)}" cy="${cy}" r="4.5"/><path d="M${n(cx - 3.2)},${cy + 3.2} L${n(cx + 3.2)},${cy - 3.2}"/>${a}</g>`;
}

/** Wake-ups: a curve from the waker's slot to the woken step. */
function arrows(runs: readonly Run[], g: Geometry): string[] {
  const out: string[] = [`<g fill="none" stroke="${COLOR.arrow}" stroke-width="1" stroke-opacity="0.55">`];
  for (const run of runs) {
    if (run.wokenBy === undefined) continue;
    const from = runs[run.wokenBy];
    const x1 = g.runX[from.seq] + g.slotW / 2;
    const y1 = g.laneY(from.lane);
    const x2 = g.runX[run.seq] + g.slotW / 2;
    const y2 = g.laneY(run.lane);
    // Leave the box edge, not its middle; curve by half the horizontal distance.
    const dy = y2 > y1 ? BOX_H / 2 : y2 < y1 ? -BOX_H / 2 : 0;
    const bend = Math.max(6, (x2 - x1) / 2);
    const sy = y1 + dy;
    const ey = y2 - dy;
    const d = dy === 0 ? `M${n(x1)},${n(y1 - BOX_H / 2)} C${n(x1 + bend)},${n(y1 - LANE_H / 2)} ${n(x2 - bend)},${n(y2 - LANE_H / 2)} ${n(x2)},${n(y2 - BOX_H / 2)}` : `M${n(x1)},${n(sy)} C${n(x1)},${n(sy + (ey - sy) / 2)} ${n(x2 - bend)},${n(ey - (ey - sy) / 4)} ${n(x2)},${n(ey)}`;
    out.push(`<path d="${d}" marker-end="url(#arrow)"><title>${esc(`${from.what} woke ${run.what}`)}</title></path>`);
  }
  out.push("</g>");
  return out;
}

/** Loop iteration numbers under the columns, where they fit. */
function iterationAxis(columns: readonly { i: number }[], g: Geometry): string[] {
  const y = g.plotBottom + 14;
  const out = [`<text x="${g.plotX - 8}" y="${y}" text-anchor="end" fill="${COLOR.muted}" font-size="11">iteration</text>`];
  let free = g.plotX;
  for (const col of columns) {
    const c = g.colX.get(col.i);
    if (c === undefined) continue;
    const label = String(col.i);
    const w = label.length * 6 + 4;
    const cx = c.x + c.w / 2;
    if (cx - w / 2 < free) continue;
    out.push(`<text x="${n(cx)}" y="${y}" text-anchor="middle" fill="${COLOR.muted}" font-size="10">${label}</text>`);
    free = cx + w / 2;
  }
  return out;
}

type Choice = Extract<TraceEvent, { kind: "choice" }>;

/** A ▲ under the column of each decision that left CPython's order (decision k is the k-th choice of the run, its tape index). */
function deviationRow(choices: readonly Choice[], g: Geometry): string[] {
  if (!choices.some((c) => c.chosen > 0)) return [];
  const y = g.plotBottom + 32;
  const out = [`<text x="${g.plotX - 8}" y="${y + 4}" text-anchor="end" fill="${COLOR.error}" font-size="11">≠CPython</text>`];
  choices.forEach((c, k) => {
    const col = g.colX.get(c.i);
    if (c.chosen === 0 || col === undefined) return;
    const tip = `decision ${k} (${c.point}) at t=${formatTime(c.t)} (iteration ${c.i}): alternative ${c.chosen} of ${c.n}, not CPython's first`;
    out.push(`<path class="deviation" d="${triangle(col.x + col.w / 2, y)}" fill="${COLOR.error}"><title>${esc(tip)}</title></path>`);
  });
  return out;
}

/** A small upward triangle centred on (cx, cy). */
function triangle(cx: number, cy: number): string {
  return `M${n(cx)},${cy - 5} L${n(cx + 5)},${cy + 4} L${n(cx - 5)},${cy + 4} z`;
}

/** The legend, in as many rows as the width needs; returns the elements and the row count. */
function legend(top: number, width: number, show: { deviated: boolean; iterationZero: boolean; network: boolean }): [string[], number] {
  const items: string[] = [];
  let x = PAD;
  let y = top;
  let rows = 1;
  const item = (shape: (x: number, y: number) => string, label: string): void => {
    const w = label.length * 6.5 + 14;
    if (x > PAD && x + 16 + w > width - PAD) {
      x = PAD;
      y += 18;
      rows++;
    }
    const drawn = shape(x, y);
    if (drawn !== "") items.push(drawn);
    items.push(`<text x="${n(x + 16)}" y="${y + 4}" fill="${COLOR.muted}" font-size="11">${label}</text>`);
    x += 16 + w;
  };
  const box = (fill: string) => (x: number, y: number): string => `<rect x="${n(x)}" y="${y - 5}" width="10" height="10" rx="2" fill="${fill}"/>`;
  item(box(COLOR.step), "step");
  item(box(COLOR.cancel), "step with CancelledError");
  item(box(COLOR.error), "step that raised");
  item((x, y) => `<line x1="${n(x)}" y1="${y}" x2="${n(x + 11)}" y2="${y}" stroke="${COLOR.wait}" stroke-width="1.5"/>`, "waiting");
  item((x, y) => `<path d="M${n(x)},${y} L${n(x + 11)},${y}" stroke="${COLOR.arrow}" stroke-opacity="0.7" marker-end="url(#arrow)"/>`, "woke");
  item((x, y) => `<circle cx="${n(x + 5)}" cy="${y}" r="4" fill="${COLOR.timer}"/>`, "timer fired");
  item((x, y) => `<circle cx="${n(x + 5)}" cy="${y}" r="4" fill="${COLOR.callback}"/>`, "callback");
  item((x, y) => finishMark("result", x + 5, y), "returned");
  item((x, y) => finishMark("error", x + 5, y), "raised");
  item((x, y) => finishMark("cancelled", x + 5, y), "cancelled");
  item((x, y) => `<circle cx="${n(x + 5)}" cy="${y}" r="2.5" fill="#ffffff" stroke="${COLOR.wait}" stroke-width="1.5"/>`, "task created");
  if (show.network) {
    item((x, y) => `<path d="M${n(x)},${y} L${n(x + 11)},${y}" stroke="${COLOR.message}" stroke-width="1.5" marker-end="url(#message)"/>`, "message (sent → arrived)");
    item((x, y) => `<path d="M${n(x + 1)},${y - 4} l8,8 M${n(x + 9)},${y - 4} l-8,8" stroke="${COLOR.error}" stroke-width="2" stroke-linecap="round"/>`, "message lost");
    item((x, y) => `<path d="M${n(x)},${y} L${n(x + 11)},${y}" stroke="${COLOR.message}" stroke-width="1.5" stroke-dasharray="4 3"/>`, "on its way at the end");
    item((x, y) => `<line x1="${n(x + 5)}" y1="${y - 6}" x2="${n(x + 5)}" y2="${y + 6}" stroke="${COLOR.fault}" stroke-width="2" stroke-dasharray="4 2"/>`, "fault");
  }
  if (show.deviated) item((x, y) => `<path d="${triangle(x + 5, y)}" fill="${COLOR.error}"/>`, "a decision that left CPython's order");
  if (show.iterationZero) item(() => "", "iteration 0: before the loop's first iteration");
  return [items, rows];
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}

/** A coordinate with at most two decimals, so the output is short and stable. */
function n(v: number): string {
  return String(Math.round(v * 100) / 100);
}

function esc(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}
