/**
 * The playground's worker: transpiles the program (sucrase), loads it as a
 * module whose `import ... from "vloop"` gets the vloop bundled here, and
 * runs or explores it with vloop's own tools: recordFrames (what `vloop step`
 * records), the trace model and the SVG renderer, explore(). The page
 * terminates this worker when a run takes too long, so an endless loop never
 * freezes the page.
 */
import { transform } from "sucrase";
import * as vloop from "../../src/index.js";
import * as testing from "../../src/testing.js";
import * as scenario from "../../src/scenario/index.js";
import { type FrameRecorder, frameRecorder, recordFrames } from "../../src/scenario/recordFrames.js";
import type { LoopOptions } from "../../src/run.js";
import { ArrayTracer } from "../../src/loop/trace.js";
import { renderSvg, svgColumns } from "../../src/trace/svg.js";
import { buildModel } from "../../src/trace/model.js";
import { explore } from "../../src/explore/explore.js";
import { formatLog } from "./inspect.js";
import type { ExploreRequest, ProgramError, Reply, Request, RunRequest } from "./protocol.js";

/**
 * A script (a program that calls run() itself, with no exported function):
 * its first run() or runSync() is recorded, with vloop's frame recorder and
 * tracer added to the options it gives (its own hooks still run).
 */
let script: { recorder: FrameRecorder; tracer: ArrayTracer; state: "armed" | "running" | "done" } | null = null;
function chain<A>(mine: (a: A) => void, theirs: ((a: A) => void) | undefined): (a: A) => void {
  return theirs === undefined ? mine : (a) => (mine(a), theirs(a));
}
function recorded(options: LoopOptions | undefined): LoopOptions | undefined {
  if (script === null || script.state !== "armed") return options;
  script.state = "running";
  const { recorder, tracer } = script;
  return { ...options, tracer: options?.tracer ?? tracer, onLoop: chain(recorder.onLoop, options?.onLoop), onIteration: chain(recorder.onIteration, options?.onIteration) };
}
const endRecording = (): void => void (script !== null && script.state === "running" && (script.state = "done"));
const scriptVloop: Record<string, unknown> = {
  ...vloop,
  run: (main: never, options?: LoopOptions) => vloop.run(main, recorded(options)).finally(endRecording),
  runSync: (main: never, options?: LoopOptions) => {
    try {
      return vloop.runSync(main, recorded(options));
    } finally {
      endRecording();
    }
  },
};

/** The modules a program may import, by specifier. */
const LIBRARIES: Record<string, Record<string, unknown>> = { vloop: scriptVloop, "vloop/testing": testing, "vloop/scenario": scenario };
/** The step budget of a run: `vloop run`'s default. */
const MAX_STEPS = 1_000_000;
/**
 * The most frames and trace events kept: a livelock runs its million steps
 * (as under `vloop run`), and the page shows its first iterations.
 */
const FRAME_LIMIT = 20_000;
const TRACE_LIMIT = 50_000;

const post = (m: Reply): void => (self as unknown as Worker).postMessage(m);

/** A blob module per library, re-exporting the bundled one (made once). */
const libraryUrls = new Map<string, string>();
function libraryUrl(spec: string): string {
  let url = libraryUrls.get(spec);
  if (url === undefined) {
    const names = Object.keys(LIBRARIES[spec]).filter((n) => /^[A-Za-z_$][\w$]*$/.test(n));
    const text = `const m = globalThis.__vloopLibraries[${JSON.stringify(spec)}];\nexport const { ${names.join(", ")} } = m;\n`;
    url = URL.createObjectURL(new Blob([text], { type: "text/javascript" }));
    libraryUrls.set(spec, url);
  }
  return url;
}
(globalThis as { __vloopLibraries?: unknown }).__vloopLibraries = LIBRARIES;

class ProgramFailure extends Error {
  constructor(readonly error: ProgramError) {
    super(error.text);
  }
}

function lineOf(text: string, index: number): number {
  let line = 1;
  for (let k = 0; k < index; k++) if (text.charCodeAt(k) === 10) line++;
  return line;
}

/** TypeScript to JavaScript, line for line (sucrase keeps every line where it was). */
function transpile(code: string): string {
  let js: string;
  try {
    js = transform(code, { transforms: ["typescript"], disableESTransforms: true, filePath: "program.ts" }).code;
  } catch (e) {
    const loc = (e as { loc?: { line: number; column: number } }).loc;
    // sucrase: "Error transforming program.ts: Unexpected token (4:16)", its column counted from 1
    const message = (e as Error).message.replace(/^Error transforming [^:]*: /, "").replace(/\s*\(\d+:\d+\)$/, "");
    throw new ProgramFailure({
      text: `SyntaxError: ${message}${loc ? ` (program.ts, line ${loc.line}, column ${loc.column})` : ""}`,
      ...(loc ? { line: loc.line, column: loc.column } : {}),
    });
  }
  // import/export ... from "vloop", import "x", import("x"): the bundled vloop, nothing else
  return js.replace(/(\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(["'])([^"'\n]+)\2/g, (all, head: string, quote: string, spec: string, at: number) => {
    if (!(spec in LIBRARIES)) {
      const line = lineOf(js, at);
      throw new ProgramFailure({
        text: `Error: cannot import ${JSON.stringify(spec)} (program.ts, line ${line}): the playground has ${Object.keys(LIBRARIES).map((s) => `"${s}"`).join(", ")}`,
        line,
      });
    }
    return `${head}${quote}${libraryUrl(spec)}${quote}`;
  });
}

let programUrl = "";
const consoleLines: string[] = [];
for (const method of ["log", "info", "warn", "error", "debug"] as const) {
  console[method] = (...args: unknown[]) => {
    const text = formatLog(args);
    consoleLines.push(text);
    if (script?.state === "running") script.recorder.onLine(text); // a script's lines, in the iteration that printed them
  };
}

/** Loads the program as a fresh module; returns it with its exported functions. */
async function load(code: string): Promise<{ module: Record<string, unknown>; exports: string[] }> {
  const js = transpile(code);
  if (programUrl) URL.revokeObjectURL(programUrl);
  programUrl = URL.createObjectURL(new Blob([`${js}\n//# sourceURL=program.ts`], { type: "text/javascript" }));
  let module: Record<string, unknown>;
  try {
    module = (await import(/* @vite-ignore */ programUrl)) as Record<string, unknown>;
  } catch (e) {
    throw new ProgramFailure(describe(e));
  }
  const exports = Object.keys(module).filter((k) => typeof module[k] === "function");
  return { module, exports };
}

/** The function to run: the one asked for, else main, else buggy (the race gallery's), else the first. */
function pick(exports: string[], asked: string): string | undefined {
  return [asked, "main", "buggy", exports[0]].find((n) => n !== undefined && exports.includes(n));
}

/** An error as `vloop run` shows it: name and message, then where in the program (its frames in program.ts). */
function describe(e: unknown): ProgramError {
  if (!(e instanceof Error)) return { text: String(e) };
  const head = `${e.name}: ${e.message}`;
  const frames = (e.stack ?? "")
    .split("\n")
    .filter((l) => /^\s+at /.test(l) && (l.includes(programUrl) || l.includes("program.ts")))
    .slice(0, 3)
    .map((l) => `    ${l.trim().split(programUrl).join("program.ts")}`);
  const where = /program\.ts:(\d+):(\d+)/.exec(frames[0] ?? "");
  return { text: [head, ...frames].join("\n"), ...(where ? { line: Number(where[1]), column: Number(where[2]) } : {}) };
}

async function runProgram(req: RunRequest): Promise<void> {
  consoleLines.length = 0;
  script = { recorder: frameRecorder(FRAME_LIMIT), tracer: new ArrayTracer(TRACE_LIMIT), state: "armed" };
  let loaded;
  try {
    loaded = await load(req.code);
  } finally {
    if (script.state === "running") script.state = "done"; // a run() the script did not await
  }
  const { module, exports } = loaded;
  const exportName = pick(exports, req.exportName);
  const tape = req.tape ?? "";
  const base = { exports, tape, console: consoleLines, dropped: 0 };
  if (exportName === undefined) {
    // a script: it ran itself as it was imported; its first run() was recorded
    const { frames, dropped, choiceLog } = script.recorder.result(false);
    const events = script.tracer.events;
    script = null;
    post({
      type: "ran",
      ...base,
      exportName: "",
      dropped,
      lines: [],
      frames,
      svg: events.length > 0 ? renderSvg(events, { title: "timeline: the script's first run()" }) : "",
      columns: svgColumns(events),
      lanes: buildModel(events).lanes,
      choices: [...choiceLog],
      script: true,
    });
    return;
  }
  script = null;
  const tracer = new ArrayTracer(TRACE_LIMIT);
  const main = module[exportName] as (...args: unknown[]) => unknown;
  let recorded;
  try {
    recorded = await recordFrames(main, { maxSteps: MAX_STEPS, frameLimit: FRAME_LIMIT, tracer, ...(tape !== "" ? { tape } : {}) });
  } catch (e) {
    throw new ProgramFailure(describe(e)); // a bad tape, a main that is not a coroutine function
  }
  const { frames, error, dropped, lines, choiceLog } = recorded;
  post({
    type: "ran",
    ...base,
    exportName,
    dropped,
    lines,
    frames,
    ...(error !== undefined ? { error: describe(error) } : {}),
    svg: renderSvg(tracer.events, { title: exportName === "main" ? "timeline" : `timeline: ${exportName}` }),
    columns: svgColumns(tracer.events),
    lanes: buildModel(tracer.events).lanes,
    choices: [...choiceLog],
    script: false,
  });
}

async function exploreProgram(req: ExploreRequest): Promise<void> {
  consoleLines.length = 0;
  const { module, exports } = await load(req.code);
  const exportName = pick(exports, req.exportName);
  if (exportName === undefined) throw new ProgramFailure({ text: "Error: explore needs an exported function to run many times (e.g. export async function main)" });
  const program = module[exportName] as () => Generator<unknown, unknown, unknown>;
  let last = 0;
  const r = await explore(program, {
    strategy: req.strategy,
    runs: req.runs,
    seed: req.seed,
    maxSteps: MAX_STEPS,
    onProgress: (done, total) => {
      if (done - last >= Math.max(1, total / 100) || done === total) {
        last = done;
        post({ type: "progress", done, total });
      }
    },
  });
  const error = r.error === undefined ? undefined : r.error instanceof Error ? `${r.error.name}: ${r.error.message}` : String(r.error);
  post({
    type: "explored",
    failed: r.failed,
    runs: r.runs,
    strategy: r.strategy ?? req.strategy,
    ...(r.exhausted !== undefined ? { exhausted: r.exhausted } : {}),
    ...(r.tape !== undefined ? { tape: r.tape } : {}),
    ...(r.shrunkTape !== undefined ? { shrunkTape: r.shrunkTape } : {}),
    ...(r.report !== undefined ? { report: r.report } : {}),
    ...(error !== undefined ? { error } : {}),
  });
  // the failing run, with its shrunk tape: frames, timeline and decisions
  if (r.failed && r.shrunkTape !== undefined) await runProgram({ type: "run", code: req.code, exportName, tape: r.shrunkTape });
}

self.onmessage = async (event: MessageEvent<Request>) => {
  const req = event.data;
  post({ type: "started" });
  try {
    if (req.type === "run") await runProgram(req);
    else await exploreProgram(req);
  } catch (e) {
    post({ type: "failed", error: e instanceof ProgramFailure ? e.error : describe(e), console: consoleLines });
  }
};
