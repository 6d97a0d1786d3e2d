/**
 * The timeline as a scrubber: the SVG that src/trace/svg.ts draws for the
 * run, with the current iteration's column shaded and a ▲ over each
 * iteration where a decision left CPython's order; a click on a column goes
 * to its iteration (the columns' geometry is svgColumns(), the renderer's own).
 */
import type { RunResult } from "./protocol.js";

const SVG_NS = "http://www.w3.org/2000/svg";
/** Where svg.ts's plot starts (its top padding and heading), and what its legend takes below. */
const PLOT_TOP = 66;
const BELOW_PLOT = 120;

/** Draws `r`'s timeline into `box`; a click on a column calls `onColumn` with its iteration. */
export function drawTimeline(box: HTMLElement, r: RunResult, onColumn: (iteration: number) => void): void {
  box.innerHTML = r.svg;
  const svg = box.querySelector("svg");
  if (svg === null) return;
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", "timeline: click a column to go to that iteration");
  for (const f of r.frames) {
    if (f.deviations.length === 0) continue;
    const col = r.columns.find((c) => c.i === f.iteration);
    if (col === undefined) continue;
    const tri = document.createElementNS(SVG_NS, "path");
    const cx = col.x + col.w / 2;
    tri.setAttribute("d", `M${cx - 5},${PLOT_TOP} L${cx + 5},${PLOT_TOP} L${cx},${PLOT_TOP - 9} z`);
    tri.setAttribute("class", "deviation-mark");
    tri.setAttribute("fill", "#cf222e");
    tri.append(Object.assign(document.createElementNS(SVG_NS, "title"), { textContent: f.deviations.join("\n") }));
    svg.append(tri);
  }
  const mark = document.createElementNS(SVG_NS, "rect");
  mark.setAttribute("id", "current-column");
  mark.setAttribute("y", String(PLOT_TOP));
  mark.setAttribute("height", String(Math.max(0, Number(svg.getAttribute("height")) - BELOW_PLOT)));
  mark.setAttribute("fill", "#0969da");
  mark.setAttribute("fill-opacity", "0.18");
  mark.setAttribute("pointer-events", "none");
  svg.append(mark);
  svg.addEventListener("click", (e) => {
    const ctm = svg.getScreenCTM();
    if (ctm === null) return;
    const p = new DOMPoint(e.clientX, e.clientY).matrixTransform(ctm.inverse());
    const col = r.columns.find((c) => p.x >= c.x && p.x < c.x + c.w);
    if (col !== undefined) onColumn(col.i);
  });
}

/** Shades the column of iteration `i`, or the last one drawn before it (an iteration where nothing happened has none). */
export function markColumn(columns: RunResult["columns"], i: number): void {
  const rect = document.getElementById("current-column");
  if (rect === null) return;
  let col = columns[0];
  for (const c of columns) if (c.i <= i) col = c;
  if (col === undefined) return;
  rect.setAttribute("x", String(col.x));
  rect.setAttribute("width", String(Math.max(2, col.w)));
}
