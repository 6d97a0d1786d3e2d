/**
 * The renderers against real traces: golden files for the text timeline and
 * the SVG (written when missing, compared otherwise: delete one to
 * regenerate it), the Chrome JSON checked field by field, and the same
 * pictures from both coroutine styles.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { createTask, currentTask, eagerTaskFactory, gather, getRunningLoop, run, runSync, sleep } from "../index.js";
import { ArrayTracer, type TraceEvent } from "../loop/trace.js";
import { type ChromeEvent, toChromeTrace } from "./chrome.js";
import { buildModel } from "./model.js";
import { renderSvg } from "./svg.js";
import { renderTimeline } from "./text.js";
import { ReplayPolicy } from "../schedule/replay.js";
import { main as usedBeforeInit } from "../cli/fixtures/usedBeforeInit.js";

const here = dirname(fileURLToPath(import.meta.url));
const goldenDir = join(here, "__golden__");
const scenarioDir = join(here, "..", "..", "scenarios");

interface ScenarioModule {
  main: () => unknown;
  meta?: { title?: string };
}

/** The trace of a scenario file: an async one under run(), a generator one under runSync() or run(). */
async function traceOf(file: string, driver: "run" | "runSync" = "run"): Promise<{ events: TraceEvent[]; title: string }> {
  const mod = (await import(join(scenarioDir, file))) as ScenarioModule;
  const tracer = new ArrayTracer();
  const main = mod.main as Parameters<typeof run>[0];
  try {
    if (driver === "runSync") runSync(main as Parameters<typeof runSync>[0], { tracer });
    else await run(main, { tracer });
  } catch {
    // A scenario may end in an error on purpose; its trace is what we draw.
  }
  return { events: tracer.events, title: mod.meta?.title ?? file };
}

/** Compares with the golden file, writing it first if it is missing. */
function golden(name: string, actual: string): void {
  const path = join(goldenDir, name);
  if (!existsSync(path)) {
    mkdirSync(goldenDir, { recursive: true });
    writeFileSync(path, actual);
  }
  expect(actual, `golden file ${name} (delete it to regenerate)`).toBe(readFileSync(path, "utf8"));
}

type Phase<P extends ChromeEvent["ph"]> = Extract<ChromeEvent, { ph: P }>;

const ESC = String.fromCharCode(27);
const visible = (line: string): number => [...line.replace(new RegExp(`${ESC}\\[[0-9;]*m`, "g"), "")].length;

const scenarios = [
  { name: "03_factorial_gather", dir: "core" },
  { name: "12_cancel_while_sleeping", dir: "core" },
];

describe.each(scenarios)("$name", ({ name, dir }) => {
  test("text timeline and SVG match their golden files", async () => {
    const { events, title } = await traceOf(`${dir}/${name}.async.ts`);
    golden(`${name}.txt`, renderTimeline(events));
    golden(`${name}.svg`, renderSvg(events, { title }));
  });

  test("the generator style draws the same pictures (its trace is equal)", async () => {
    const asyncTrace = await traceOf(`${dir}/${name}.async.ts`);
    for (const driver of ["runSync", "run"] as const) {
      const genTrace = await traceOf(`${dir}/${name}.gen.ts`, driver);
      expect(genTrace.events, driver).toEqual(asyncTrace.events);
      expect(renderTimeline(genTrace.events), driver).toBe(renderTimeline(asyncTrace.events));
      expect(renderSvg(genTrace.events, { title: genTrace.title }), driver).toBe(renderSvg(asyncTrace.events, { title: asyncTrace.title }));
      expect(toChromeTrace(genTrace.events), driver).toEqual(toChromeTrace(asyncTrace.events));
    }
  });

  test("Chrome trace: required fields, paired flows, ordered tracks", async () => {
    const { events } = await traceOf(`${dir}/${name}.async.ts`);
    const trace = toChromeTrace(events);
    expect(trace.displayTimeUnit).toBe("ms");
    checkChromeTrace(trace.traceEvents);
    // The trace is plain JSON.
    expect(JSON.parse(JSON.stringify(trace))).toEqual(trace);
  });
});

/** Every event has the fields its phase requires; flows pair up; each track's timestamps never decrease. */
function checkChromeTrace(events: readonly ChromeEvent[]): void {
  const lastTs = new Map<string, number>();
  const starts = new Map<number, ChromeEvent>();
  const finishes = new Map<number, ChromeEvent>();
  for (const e of events) {
    const where = JSON.stringify(e);
    expect(typeof e.name, where).toBe("string");
    expect(e.name.length, where).toBeGreaterThan(0);
    expect(Number.isFinite(e.ts) && e.ts >= 0, where).toBe(true);
    expect(Number.isInteger(e.pid), where).toBe(true);
    expect(Number.isInteger(e.tid), where).toBe(true);
    switch (e.ph) {
      case "M":
        expect(["process_name", "thread_name", "thread_sort_index"], where).toContain(e.name);
        expect(e.args, where).toBeTypeOf("object");
        break;
      case "X":
        expect(e.dur, where).toBeGreaterThan(0);
        expect(typeof e.args.t, where).toBe("number");
        break;
      case "i":
        expect(["t", "p", "g"], where).toContain(e.s);
        break;
      case "s":
      case "f":
        expect(Number.isInteger(e.id), where).toBe(true);
        expect(typeof e.cat, where).toBe("string");
        if (e.ph === "f") expect(e.bp, where).toBe("e");
        expect((e.ph === "s" ? starts : finishes).has(e.id), `duplicate flow ${where}`).toBe(false);
        (e.ph === "s" ? starts : finishes).set(e.id, e);
        break;
      default:
        throw new Error(`unexpected phase: ${where}`);
    }
    const track = `${e.pid}/${e.tid}`;
    expect(e.ts, `timestamps go back on track ${track}: ${where}`).toBeGreaterThanOrEqual(lastTs.get(track) ?? 0);
    lastTs.set(track, e.ts);
  }
  expect([...finishes.keys()].sort()).toEqual([...starts.keys()].sort());
  for (const [id, s] of starts) {
    const f = finishes.get(id) as Phase<"f">;
    expect(f.cat).toBe((s as Phase<"s">).cat);
    expect(f.ts).toBeGreaterThan(s.ts);
  }
}

describe("factorial", () => {
  const file = "core/03_factorial_gather.async.ts";

  test("the text timeline has exactly 4 task rows and fits in 100 columns", async () => {
    const { events } = await traceOf(file);
    const text = renderTimeline(events);
    const lines = text.trimEnd().split("\n");
    for (const line of lines) expect(visible(line), line).toBeLessThanOrEqual(100);
    const rows = lines.filter((l) => /^Task-\d+ /.test(l));
    expect(rows.map((r) => r.split(" ")[0])).toEqual(["Task-1", "Task-2", "Task-3", "Task-4"]);
    // The rows sit between the axis (2 lines) and the blank line before the legend.
    expect(lines.indexOf("")).toBe(2 + 4);
    expect(text).not.toContain(ESC);
    expect(text).not.toContain("compressed");
  });

  test("Chrome trace: one X event per step, tracks in creation order", async () => {
    const { events } = await traceOf(file);
    const trace = toChromeTrace(events).traceEvents;
    const steps = events.filter((e) => e.kind === "step");
    const slices = trace.filter((e): e is Phase<"X"> => e.ph === "X" && e.cat === "step");
    expect(slices.length).toBe(steps.length);
    expect(slices.map((e) => e.args.t)).toEqual(steps.map((s) => s.t));
    const meta = trace.filter((e): e is Phase<"M"> => e.ph === "M");
    const names = meta.filter((e) => e.name === "thread_name").map((e) => e.args);
    expect(names).toEqual(["loop (callbacks, timers)", "Task-1", "Task-2", "Task-3", "Task-4"].map((name) => ({ name })));
    const sortIndex = meta.filter((e) => e.name === "thread_sort_index").map((e) => e.args);
    expect(sortIndex).toEqual([0, 1, 2, 3, 4].map((sort_index) => ({ sort_index })));
    expect(meta.find((e) => e.name === "process_name")?.args).toEqual({ name: "vloop" });
    // Every step woken by someone has its arrow: 7 timer wake-ups and gather's done callback.
    expect(trace.filter((e) => e.ph === "f").length).toBe(steps.filter((s) => s.kind === "step" && s.by !== undefined).length);
  });

  test("colour: green steps, only when asked", async () => {
    const { events } = await traceOf(file);
    const coloured = renderTimeline(events, { color: true });
    expect(coloured).toContain(`${ESC}[32m█`);
    expect(coloured.replace(new RegExp(`${ESC}\\[[0-9;]*m`, "g"), "").split("\n").slice(0, 6)).toEqual(renderTimeline(events).split("\n").slice(0, 6));
  });
});

describe("text timeline", () => {
  test("colours a delivered cancellation yellow and a step that raised red", async () => {
    const { events } = await traceOf("core/12_cancel_while_sleeping.async.ts");
    expect(renderTimeline(events, { color: true })).toContain(`${ESC}[33m█`);
    const failing = await traceOf("core/25_gather_return_exceptions.async.ts");
    const text = renderTimeline(failing.events, { color: true });
    expect(text).toContain(`${ESC}[31m█`);
    expect(renderTimeline(failing.events)).toContain("█✗");
  });

  test("compresses a long run into the width and says so", async () => {
    const tracer = new ArrayTracer();
    async function ticker(n: number, d: number) {
      for (let k = 0; k < n; k++) await sleep(d);
    }
    await run(() => gather(() => ticker(200, 1), () => ticker(60, 3.5)), { tracer });
    const iterations = new Set(tracer.events.map((e) => e.i)).size;
    const text = renderTimeline(tracer.events, { width: 60 });
    const lines = text.trimEnd().split("\n");
    for (const line of lines) expect(visible(line), line).toBeLessThanOrEqual(60);
    expect(text.replace(/\n/g, " ")).toMatch(new RegExp(`compressed: ${iterations} iterations in \\d+ columns`));
    // The busy ticker stepped in every merged column.
    const busy = lines.find((l) => l.startsWith("Task-2")) ?? "";
    expect(busy.trim().slice("Task-2".length).trim()).toMatch(/^█+✓$/);
  });

  test("an empty trace", () => {
    expect(renderTimeline([])).toBe("(empty trace)\n");
    expect(renderSvg([])).toContain("<svg");
    expect(toChromeTrace([]).traceEvents.every((e) => e.ph === "M")).toBe(true);
  });
});

describe("model", () => {
  test("a task renamed before its first step keeps one lane, under its new name", async () => {
    const { events } = await traceOf("asyncio/c53_taskgroup_nested_groups.async.ts");
    expect(buildModel(events).lanes.map((l) => l.name)).toEqual(["Task-1", "inner", "sleeper", "failer"]);
  });

  test("an eager step is a run inside its creator's step, which goes on after it (and keeps its lane when it renames its task)", () => {
    const tracer = new ArrayTracer();
    runSync(
      function* () {
        getRunningLoop().setTaskFactory(eagerTaskFactory);
        const fut = getRunningLoop().createFuture<number>();
        createTask(
          (function* () {
            createTask((function* () {})()); // nested: an eager step inside an eager step
            return 1;
          })(),
        );
        currentTask()!.setName("main"); // after the eager steps: still main's own step
        fut.setResult(2); // resolved by main's run, not by the last eager one
        yield* fut;
      },
      { tracer },
    );
    const model = buildModel(tracer.events);
    expect(model.lanes.map((l) => [l.name, l.steps.length])).toEqual([
      ["main", 1],
      ["Task-2", 1],
      ["Task-3", 1],
    ]);
    expect(model.runs.map((r) => [r.i, r.what])).toEqual([
      [1, "Task-1"], // (named at the start of its run)
      [1, "Task-2"],
      [1, "Task-3"],
      [2, "callback stop"],
    ]);
    // each run resolves its own task; the future main resolves after the eager steps is main's run's
    expect(model.runs.slice(0, 3).map((r) => r.resolved)).toEqual([
      ["<Future#1 finished>", "<Task finished name='main'>"],
      ["<Task finished name='Task-2'>"],
      ["<Task finished name='Task-3'>"],
    ]);
  });
});

describe("SVG", () => {
  test("is standalone: no scripts, no external references", async () => {
    const { events, title } = await traceOf("core/03_factorial_gather.async.ts");
    const svg = renderSvg(events, { title });
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).not.toMatch(/<script|href=|@import|url\((?!#)/);
    expect(svg).toContain("factorial with gather");
    // One box per step, one arrow per wake-up.
    expect(svg.match(/<rect [^>]*rx="2" fill="#2da44e"><title>/g)?.length).toBe(events.filter((e) => e.kind === "step").length);
    expect(svg.match(/marker-end="url\(#arrow\)"><title>/g)?.length).toBe(events.filter((e) => e.kind === "step" && e.by !== undefined).length);
  });
});

describe("SVG marks what the text timeline marks", () => {
  /** The README's replay: usedBeforeInit under tape "0:3" (decision 0 took alternative 3 of 5, in iteration 2). */
  function replayTrace(tape: string): TraceEvent[] {
    const tracer = new ArrayTracer();
    try {
      runSync(usedBeforeInit, { tracer, strategy: new ReplayPolicy(tape) });
    } catch {
      // the tape "0:3" makes the consumer raise: its trace is what we draw
    }
    return tracer.events;
  }

  test("a ▲ under the iteration of each decision that left CPython's order, named in the legend, as in the text timeline", () => {
    const events = replayTrace("0:3");
    expect(renderTimeline(events)).toContain("▲ a decision that left CPython's order");
    const svg = renderSvg(events, { title: "used before init" });
    const marks = svg.match(/<path [^>]*class="deviation"[^>]*><title>[^<]*<\/title>/g) ?? [];
    expect(marks).toHaveLength(1);
    expect(marks[0]).toContain("<title>decision 0 (ready) at t=0 (iteration 2): alternative 3 of 5, not CPython's first</title>");
    expect(svg).toContain(">a decision that left CPython's order<");
    expect(svg).toContain(">≠CPython<");
  });

  test("CPython's own order has no ▲ and no legend entry for it", () => {
    const svg = renderSvg(replayTrace(""), { title: "used before init" });
    expect(svg).not.toContain('class="deviation"');
    expect(svg).not.toContain("left CPython's order");
  });

  test("the legend names the hollow circle (a task created) and iteration 0 (before the loop's first iteration)", async () => {
    const { events, title } = await traceOf("core/03_factorial_gather.async.ts");
    const svg = renderSvg(events, { title });
    expect(svg).toMatch(/<circle [^>]*fill="#ffffff"[^>]*\/>\n<text [^>]*>task created<\/text>/);
    expect(svg).toContain(">iteration 0: before the loop's first iteration<");
  });
});

describe("very large traces", () => {
  test("200,000 tasks render in both renderers (spreading them into one call was a RangeError)", () => {
    const events: TraceEvent[] = [];
    for (let k = 0; k < 200_000; k++) events.push({ kind: "task-created", t: 0, i: 0, task: `T${k}` });
    const text = renderTimeline(events, { width: 100 });
    expect(text).toContain("T199999");
    const svg = renderSvg(events, { title: "many" });
    expect(svg.startsWith("<svg")).toBe(true);
    expect(svg.trimEnd().endsWith("</svg>")).toBe(true);
    expect(svg).toContain(">T199999<");
  }, 60_000);
});
