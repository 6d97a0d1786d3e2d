/**
 * The playground page: an editor, the examples menu, and the panels that
 * show a run iteration by iteration. Everything the panels show comes from
 * the worker (worker.ts), which runs vloop's own recorder, trace model and
 * SVG renderer: this file only lays it out and moves between frames.
 */
import { EditorView, minimalSetup } from "codemirror";
import { keymap, lineNumbers, Decoration, type DecorationSet } from "@codemirror/view";
import { EditorState, StateEffect, StateField } from "@codemirror/state";
import { javascript } from "@codemirror/lang-javascript";
import { oneDark } from "@codemirror/theme-one-dark";
import { examples } from "virtual:examples";
import { decodeShare, encodeShare } from "./share.js";
import { nextFrame } from "../../src/scenario/recordFrames.js";
import { formatTape, parseTape } from "../../src/schedule/tape.js";
import type { Explored, ProgramError, Reply, Request, RunResult } from "./protocol.js";
import { $, fmt, line, list } from "./dom.js";
import { tasksAt } from "./tasks.js";
import { drawTimeline, markColumn } from "./timeline.js";
import "./style.css";

declare const LIVE_RELOAD: boolean;
if (LIVE_RELOAD) new EventSource("/esbuild").addEventListener("change", () => location.reload());


/** How long a run may take in real time before its worker is stopped (?limit=ms changes it). */
const LIMIT_MS = Number(new URLSearchParams(location.search).get("limit")) || 5000;

// ---- the editor, with a mark on the line an error points at

const setErrorLine = StateEffect.define<number | null>();
const errorLine = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(deco, tr) {
    for (const e of tr.effects) {
      if (!e.is(setErrorLine)) continue;
      if (e.value === null || e.value < 1 || e.value > tr.state.doc.lines) return Decoration.none;
      return Decoration.set([Decoration.line({ class: "cm-error-line" }).range(tr.state.doc.line(e.value).from)]);
    }
    return tr.docChanged ? Decoration.none : deco;
  },
  provide: (f) => EditorView.decorations.from(f),
});
const dark = matchMedia("(prefers-color-scheme: dark)").matches;
const editor = new EditorView({
  parent: $("editor"),
  state: EditorState.create({
    doc: "",
    extensions: [
      lineNumbers(),
      minimalSetup,
      javascript({ typescript: true }),
      errorLine,
      keymap.of([{ key: "Mod-Enter", run: () => (run(), true) }]),
      EditorView.contentAttributes.of({ "aria-label": "program (TypeScript)" }),
      ...(dark ? [oneDark] : []),
    ],
  }),
});
const program = (): string => editor.state.doc.toString();
function setProgram(text: string): void {
  editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: text } });
}

// ---- the examples menu

const exampleSelect = $<HTMLSelectElement>("examples");
{
  // shown for a program that is none of the examples (a shared link's)
  exampleSelect.append(Object.assign(document.createElement("option"), { value: "", textContent: "(a program of your own)", disabled: true }));
  const groups = new Map<string, HTMLOptGroupElement>();
  examples.forEach((ex, k) => {
    let g = groups.get(ex.group);
    if (g === undefined) {
      g = document.createElement("optgroup");
      g.label = ex.group;
      groups.set(ex.group, g);
      exampleSelect.append(g);
    }
    const o = document.createElement("option");
    o.value = String(k);
    o.textContent = ex.title;
    g.append(o);
  });
}
function loadExample(k: number, thenRun = true): void {
  const ex = examples[k];
  if (ex === undefined) return;
  exampleSelect.value = String(k);
  setProgram(ex.code);
  setEntries([ex.exportName || "main"], ex.exportName || "main");
  $<HTMLInputElement>("tape").value = "";
  const meta = /strategy: "(\w+)"/.exec(ex.code);
  if (meta) $<HTMLSelectElement>("strategy").value = meta[1];
  if (thenRun) run();
}
exampleSelect.addEventListener("change", () => loadExample(Number(exampleSelect.value)));

const entrySelect = $<HTMLSelectElement>("entry");
function setEntries(names: string[], chosen: string): void {
  const list = names.length > 0 ? names : [chosen];
  entrySelect.replaceChildren(...list.map((n) => Object.assign(document.createElement("option"), { value: n, textContent: n })));
  entrySelect.value = list.includes(chosen) ? chosen : list[0];
}

// ---- the worker, stopped after LIMIT_MS

let worker: Worker | null = null;
let watchdog: number | undefined;
let busy = false;
let exploring = false;
let onReply: (m: Reply) => void = () => {};

function startWorker(): Worker {
  const w = new Worker("worker.js", { type: "module" });
  w.onmessage = (e: MessageEvent<Reply>) => {
    // the limit counts from the worker's start on the request; exploring, from each progress report (not the whole
    // search), four times as long: shrinking a failing tape reports no progress
    if (e.data.type === "started" || e.data.type === "progress") armWatchdog(exploring ? LIMIT_MS * 4 : LIMIT_MS);
    if (e.data.type !== "started") onReply(e.data);
  };
  w.onerror = (e) => finish(() => showFailure({ text: `the worker failed: ${e.message}` }, []));
  return w;
}
/** How long a worker may take to start (load its bundle) before it is given up. */
const START_LIMIT_MS = 30_000;
function armWatchdog(limit: number): void {
  clearTimeout(watchdog);
  watchdog = window.setTimeout(() => {
    worker?.terminate();
    worker = null;
    finish(() =>
      showFailure(
        {
          text:
            limit === START_LIMIT_MS
              ? `stopped: the worker did not start in ${limit / 1000} s (is the page's worker.js missing?)`
              : `stopped after ${limit / 1000} s: the program did not finish in time, so its worker was stopped. ` +
                "A loop that never awaits keeps its task running for ever (vloop, like asyncio, switches tasks only at an await), " +
                "and no virtual time passes in it; a loop that awaits for ever (a livelock) ends at the step budget of a million steps, " +
                "which may take longer than this limit.",
        },
        [],
        "timeout",
      ),
    );
  }, limit);
}
function send(req: Request, handle: (m: Reply) => void): void {
  if (busy) stop();
  worker ??= startWorker();
  busy = true;
  exploring = req.type === "explore";
  document.body.classList.add("busy");
  setStatus(req.type === "run" ? "running…" : "exploring…");
  onReply = handle;
  armWatchdog(START_LIMIT_MS);
  worker.postMessage(req);
}
function finish(then: () => void): void {
  clearTimeout(watchdog);
  busy = false;
  document.body.classList.remove("busy");
  then();
}
function stop(): void {
  if (!busy) return;
  worker?.terminate();
  worker = null;
  finish(() => setStatus("stopped"));
}

// ---- running

let current: RunResult | null = null;
let frameIndex = 0;
/** runs shown so far, finished or failed (the browser test waits on it) */
let shown = 0;

function setStatus(text: string, kind = ""): void {
  const s = $("status");
  s.textContent = text;
  s.className = kind;
}

/** Where a run opens: a frame (0 = the first), or the frame of a loop iteration (a share link's); default the last frame. */
type Where = { frame: number } | { iteration: number };

function run(tape = $<HTMLInputElement>("tape").value.trim(), goTo?: Where): void {
  editor.dispatch({ effects: setErrorLine.of(null) });
  send({ type: "run", code: program(), exportName: entrySelect.value, ...(tape !== "" ? { tape } : {}) }, (m) => {
    if (m.type === "ran") finish(() => showRun(m, goTo));
    else if (m.type === "failed") finish(() => showFailure(m.error, m.console));
  });
}

function showFailure(error: ProgramError, consoleLines: string[], kind = "error"): void {
  current = null;
  shown++;
  setStatus(error.text.split("\n")[0], kind);
  $("output").replaceChildren(line(error.text, "error"));
  $("console").textContent = consoleLines.join("\n");
  for (const id of ["ready", "heap-array", "heap-sorted"]) list(id, []);
  for (const id of ["tasks", "timeline", "printed", "deviations", "decisions"]) $(id).replaceChildren();
  $("position").textContent = "no run";
  $("clock").textContent = "";
  if (error.line !== undefined) {
    editor.dispatch({ effects: setErrorLine.of(error.line), selection: { anchor: editor.state.doc.line(Math.min(error.line, editor.state.doc.lines)).from }, scrollIntoView: true });
  }
}

function showRun(r: RunResult, goTo?: Where): void {
  current = r;
  shown++;
  setEntries(r.exports, r.exportName);
  $<HTMLInputElement>("tape").value = r.tape;
  $("console").textContent = r.console.join("\n");
  if (r.error?.line !== undefined) editor.dispatch({ effects: setErrorLine.of(r.error.line) });
  const what = r.script
    ? `ran as a script (no exported function): ${r.frames.length > 0 ? `its first run() made ${r.frames.length} iterations` : "it called no run()"}`
    : `${r.frames.length} iterations${r.dropped > 0 ? ` shown (the first ones; ${r.dropped} more were not kept)` : ""}`;
  setStatus(r.error ? `${what}; ended with ${r.error.text.split("\n")[0]}` : `${what}; finished`, r.error ? "error" : "ok");
  drawTimeline($("timeline"), r, goToIteration);
  showDecisions(r);
  if (goTo !== undefined && "iteration" in goTo) goToIteration(goTo.iteration);
  else go(goTo?.frame ?? r.frames.length - 1);
}

// ---- frames

function go(k: number): void {
  const r = current;
  if (r === null) return;
  frameIndex = Math.max(0, Math.min(k, r.frames.length - 1));
  const f = r.frames[frameIndex];
  const last = frameIndex === r.frames.length - 1;
  // output so far: the iterations before this one, and this one's lines marked
  const out: HTMLElement[] = [];
  if (f === undefined) for (const l of r.lines) out.push(line(l));
  else {
    r.frames.slice(0, frameIndex).forEach((g) => g.lines.forEach((l) => out.push(line(l))));
    f.lines.forEach((l) => out.push(line(l, "now")));
    if (last) r.lines.slice(r.frames.reduce((n, g) => n + g.lines.length, 0)).forEach((l) => out.push(line(l, "now")));
  }
  if (last && r.error) out.push(line(`error: ${r.error.text}`, "error"));
  $("output").replaceChildren(...out);
  $("output").scrollTop = $("output").scrollHeight;
  if (f === undefined) {
    $("position").textContent = r.script ? "script: no iterations" : "no iterations";
    return;
  }
  $("position").textContent = `iteration ${f.iteration} · frame ${frameIndex + 1}/${r.frames.length}`;
  $("clock").textContent = `t=${fmt(f.time)}${f.skipped > 0 ? ` (after ${f.skipped} idle iterations)` : ""}`;
  $("deviations").replaceChildren(...f.deviations.map((d) => line(`▲ left CPython's order here: ${d}`, "error")));
  list("ready", f.ready.map((h) => h));
  list("heap-array", f.heap.map((t) => `t=${fmt(t.when)} ${t.what}${t.cancelled ? " (cancelled)" : ""}`)); // numbered from 0, as the array is
  list("heap-sorted", f.timers.map((t) => `t=${fmt(t.when)} ${t.what}`));
  $("tasks").replaceChildren(
    ...tasksAt(r.lanes, f.iteration, f.ready).map((t) => {
      const tr = document.createElement("tr");
      tr.className = t.state.split(" ")[0];
      for (const text of [t.name, t.state, t.waits]) tr.append(Object.assign(document.createElement("td"), { textContent: text }));
      return tr;
    }),
  );
  markColumn(r.columns, f.iteration);
  $("printed").replaceChildren(...(f.lines.length ? f.lines.map((l) => line(l)) : [line("(nothing)", "muted")]));
}

// ---- the timeline as a scrubber

function goToIteration(i: number): void {
  const r = current;
  if (r === null) return;
  const k = r.frames.findIndex((f) => f.iteration >= i);
  go(k < 0 ? r.frames.length - 1 : k);
}
// ---- explore, and flipping one decision

function exploreProgram(): void {
  const strategy = $<HTMLSelectElement>("strategy").value as "random" | "pct" | "dfs";
  const runs = Math.max(1, Number($<HTMLInputElement>("runs").value) || 1000);
  const progress = $<HTMLProgressElement>("progress");
  progress.value = 0;
  progress.max = runs;
  $("report").textContent = "";
  $("explore-panel").classList.add("open");
  let explored: Explored | null = null;
  editor.dispatch({ effects: setErrorLine.of(null) });
  send({ type: "explore", code: program(), exportName: entrySelect.value, strategy, runs, seed: $<HTMLInputElement>("seed").value || "0" }, (m) => {
    if (m.type === "progress") {
      progress.max = m.total;
      progress.value = m.done;
      setStatus(`exploring (${strategy}): ${m.done}/${m.total} runs`);
    } else if (m.type === "explored") {
      explored = m;
      progress.value = m.runs;
      if (!m.failed) {
        finish(() => {
          setStatus(`no failure in ${m.runs} runs (${strategy}${m.exhausted ? ", every schedule within the bound" : ""})`, "ok");
          $("report").textContent = `no failure in ${m.runs} runs`;
        });
      } else {
        $("report").textContent = `${m.report ?? m.error}\n\nshrunk tape: ${JSON.stringify(m.shrunkTape)} (found as ${JSON.stringify(m.tape)})`;
        setStatus(`failure after ${m.runs} runs: ${m.error}; replaying its shrunk tape…`, "error");
      }
    } else if (m.type === "ran") {
      finish(() => {
        // at the first decision that left CPython's order: where the failing schedule starts to differ
        showRun(m, { frame: Math.max(0, m.frames.findIndex((f) => f.deviations.length > 0)) });
        setStatus(`failure after ${explored?.runs} runs: ${explored?.error} · replayed with the shrunk tape ${JSON.stringify(m.tape)}: ${m.error ? m.error.text.split("\n")[0] : "passed"}`, "error");
      });
    } else if (m.type === "failed") finish(() => showFailure(m.error, m.console));
  });
}

/** The run's decisions; each can be opened to pick another alternative and re-run. */
function showDecisions(r: RunResult): void {
  const box = $("decisions");
  box.replaceChildren();
  if (r.choices.length === 0) {
    box.append(line(r.tape === "" ? "(CPython's order: run with a tape, or explore, to see the decisions)" : "(this run made no decision)", "muted"));
    return;
  }
  for (const c of r.choices) {
    const d = document.createElement("details");
    d.className = c.chosen !== 0 ? "deviates" : "";
    const kind = c.kind === "ready" ? "which ready task steps first" : c.kind === "timer" ? "which timer of one deadline fires first" : "timer jitter";
    const summary = document.createElement("summary");
    summary.textContent = `${c.chosen !== 0 ? "▲ " : ""}decision ${c.index} · t=${fmt(c.time)} iteration ${c.iteration} · ${kind}: ${c.names[c.chosen] ?? c.chosen}`;
    d.append(summary);
    const opts = document.createElement("div");
    opts.className = "alternatives";
    c.names.forEach((name, k) => {
      const b = document.createElement("button");
      b.textContent = `${k === 0 ? "CPython's choice: " : ""}${name}`;
      b.disabled = k === c.chosen;
      b.dataset.decision = String(c.index);
      b.dataset.alternative = String(k);
      b.addEventListener("click", () => rerunWith(r.tape, c.index, k));
      opts.append(b);
    });
    d.append(opts);
    box.append(d);
  }
}
/** The tape with decision `index` set to `value` (0: CPython's choice), and run again. */
function rerunWith(tape: string, index: number, value: number): void {
  const parsed = parseTape(tape);
  const devs = parsed.deviations.filter((d) => d.index !== index);
  if (value !== 0) devs.push({ index, value });
  const next = formatTape(devs, { jitter: parsed.jitter });
  $<HTMLInputElement>("tape").value = next;
  run(next, { frame: 0 });
}

// ---- share

/** The link's hash: the program, the entry, the tape, and the loop iteration shown. */
function shareHash(): string {
  const iteration = current?.frames[frameIndex]?.iteration;
  return encodeShare({ program: program(), exportName: entrySelect.value, tape: $<HTMLInputElement>("tape").value.trim(), ...(iteration !== undefined ? { iteration } : {}) });
}

function share(): void {
  const hash = shareHash();
  history.replaceState(null, "", `#${hash}`);
  const link = $<HTMLInputElement>("share-link");
  link.value = location.href;
  link.hidden = false;
  link.select();
  navigator.clipboard?.writeText(location.href).then(
    () => setStatus("link copied: it opens this program, tape and iteration", "ok"),
    () => setStatus("link in the box above: copy it to share this program, tape and iteration", "ok"),
  );
}

function openFromHash(): boolean {
  let state;
  try {
    state = decodeShare(location.hash);
  } catch (e) {
    setStatus((e as Error).message, "error");
    return false;
  }
  if (state === null) return false;
  setProgram(state.program);
  exampleSelect.value = String(examples.findIndex((e) => e.code === state.program)).replace(/^-1$/, "");
  setEntries([state.exportName ?? "main"], state.exportName ?? "main");
  $<HTMLInputElement>("tape").value = state.tape ?? "";
  run(state.tape ?? "", state.iteration !== undefined ? { iteration: state.iteration } : undefined);
  return true;
}

// ---- buttons and keys

const actions: Record<string, () => void> = {
  run: () => run(),
  stop,
  explore: exploreProgram,
  share,
  first: () => go(0),
  back: () => go(frameIndex - 1),
  next: () => go(frameIndex + 1),
  continue: () => {
    if (current === null) return;
    const k = nextFrame(current.frames, frameIndex, "c");
    go(k ?? current.frames.length - 1);
  },
  last: () => go((current?.frames.length ?? 1) - 1),
  examples: () => exampleSelect.focus(),
  editor: () => editor.focus(),
  help: () => $("keys").toggleAttribute("open"),
};
for (const [name, fn] of Object.entries(actions)) $(name === "examples" || name === "editor" || name === "help" ? `btn-${name}` : name)?.addEventListener("click", fn);

/** Alt+key works everywhere (also in the editor); the plain key when no text field has the focus. */
const KEYS: Record<string, string> = {
  ArrowRight: "next",
  ArrowLeft: "back",
  ArrowDown: "continue",
  KeyC: "continue",
  Home: "first",
  End: "last",
  KeyR: "run",
  KeyE: "explore",
  KeyS: "share",
  KeyX: "examples",
  KeyI: "editor",
  Escape: "stop",
  Slash: "help",
};
document.addEventListener("keydown", (e) => {
  if ((e.ctrlKey || e.metaKey) && e.key === "Enter") {
    e.preventDefault();
    run();
    return;
  }
  const action = KEYS[e.code];
  if (action === undefined || e.ctrlKey || e.metaKey) return;
  const target = e.target as HTMLElement;
  const typing = target.closest(".cm-editor") !== null || ["INPUT", "SELECT", "TEXTAREA"].includes(target.tagName);
  if (!e.altKey && typing && action !== "stop") return;
  e.preventDefault();
  actions[action]();
});

// ---- start: a shared link, or the factorial example

(window as unknown as { __playground: unknown }).__playground = {
  get frameIndex() {
    return frameIndex;
  },
  get current() {
    return current;
  },
  get busy() {
    return busy;
  },
  get shown() {
    return shown;
  },
  get program() {
    return program();
  },
  setProgram,
};
if (!openFromHash()) loadExample(Math.max(0, examples.findIndex((e) => e.title === "03_factorial_gather.async")));
window.addEventListener("hashchange", () => {
  if (!location.hash.startsWith("#v1=") || location.hash === `#${shareHash()}`) return;
  openFromHash();
});
