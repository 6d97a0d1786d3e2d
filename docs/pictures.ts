/**
 * The docs' pictures, drawn by vloop from real runs and never by hand:
 *
 *   npm run docs:pictures        (or: npx tsx docs/pictures.ts)
 *
 * writes, for every picture below, `docs/pictures/NAME.svg` (`renderSvg`) and
 * `docs/pictures/NAME.txt` (`renderTimeline`, 100 columns, no colour: what
 * `npx vloop run FILE` draws under a program's output). Each picture is one
 * run of a program with an `ArrayTracer`; a race is its gallery program
 * replayed from the shrunk tape that docs/races.md shows for it (the gallery
 * test checks that tape against what `explore` finds).
 *
 * The main task is renamed "main", as the scenario harness and the `vloop`
 * command do, so the lanes carry the names the docs' output lines use. Unlike
 * the harness, the picture lets main's error through, so a failing run ends in
 * ✗ on main's lane.
 *
 * docs/pictures.test.ts draws every picture again in memory and fails when a
 * committed file differs, or when no docs page embeds a picture: after a change
 * to vloop's scheduling or to the renderers, run `npm run docs:pictures`.
 */
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { type LoopOptions, currentTask, run } from "../src/index.js";
import { ArrayTracer, type TraceEvent } from "../src/loop/trace.js";
import { ReplayPolicy } from "../src/schedule/replay.js";
import { renderSvg } from "../src/trace/svg.js";
import { renderTimeline } from "../src/trace/text.js";
import { docsBlocks, gallery, runOptionsOf } from "../scenarios/races/gallery.js";

export const docsDir = dirname(fileURLToPath(import.meta.url));
export const repoRoot = dirname(docsDir);
export const picturesDir = join(docsDir, "pictures");

/** Width of the text timelines: the `vloop` command's default. */
const TEXT_WIDTH = 100;

/** A picture: a program to run once, and what the docs call it. */
export interface Picture {
  /** File name without extension: docs/pictures/NAME.svg and NAME.txt. */
  name: string;
  /** The program's file, relative to the repository root. */
  source: string;
  /** Heading drawn at the top of the SVG. */
  title: string;
  /** Runs the program once with `tracer`, and says how it ended. */
  record(tracer: ArrayTracer): Promise<{ error?: unknown }>;
  /** For a run that must fail (a race under its tape): the error's name and a pattern of its message. */
  fails?: { name: string; message: RegExp };
}

/** A zero-argument function returning a main coroutine (a generator or a promise). */
type Program = () => unknown;

/** Wraps a program so that its task is called "main", as in the docs' output lines. */
function named(program: Program): () => never {
  return () => {
    currentTask()?.setName("main");
    return program() as never;
  };
}

/** Runs a program once under `options`; a rejection is returned, not thrown. */
async function traced(program: Program, tracer: ArrayTracer, options: LoopOptions = {}): Promise<{ error?: unknown }> {
  try {
    await run(named(program), { ...options, tracer });
    return {};
  } catch (error) {
    return { error };
  }
}

/** A scenario-style file (exports `main`, and maybe `meta.title`), run in CPython's order. */
async function scenario(name: string, source: string, title?: string): Promise<Picture> {
  const mod = (await import(pathToFileURL(join(repoRoot, source)).href)) as { main: Program; meta?: { title?: string } };
  return {
    name,
    source,
    title: title ?? mod.meta?.title ?? name,
    record: (tracer) => traced(mod.main, tracer),
  };
}

/** The tape docs/races.md shows as an entry's shrunk tape (checked against explore by scenarios/races/gallery.test.ts). */
export function shrunkTapeOf(raceName: string): string {
  const block = docsBlocks(readFileSync(join(docsDir, "races.md"), "utf8")).get(raceName);
  const m = block === undefined ? null : /^shrunk tape: (".*")$/m.exec(block);
  if (m === null) throw new Error(`docs/races.md shows no shrunk tape for the race ${raceName}`);
  return JSON.parse(m[1]) as string;
}

/**
 * A race-gallery entry's buggy program, replayed from a tape (by default the
 * shrunk tape docs/races.md shows), as `replay()` of vloop/testing runs it:
 * with the entry's run options (jitter, maxSteps), and refusing a tape the run
 * does not use up.
 */
function race(name: string, raceName: string, tape: string = shrunkTapeOf(raceName)): Picture {
  const entry = gallery.find((e) => e.name === raceName);
  if (entry === undefined) throw new Error(`no race named ${raceName} in scenarios/races/gallery.ts`);
  const source = `scenarios/races/${raceName}.ts`;
  // A heisenbug passes in CPython's order; under any other tape shown here it must fail as the gallery says.
  const passes = tape === "" && entry.meta.heisenbug;
  const order = tape === "" ? "CPython's order" : `replayed from tape ${JSON.stringify(tape)}`;
  return {
    name,
    source,
    title: `${raceName}, ${order}: ${passes ? "passes" : "fails"}`,
    ...(passes ? {} : { fails: entry.meta.throws }),
    record: async (tracer) => {
      const policy = new ReplayPolicy(tape);
      const runOptions = runOptionsOf(entry);
      const outcome = await traced(entry.buggy, tracer, { ...runOptions, strategy: policy, jitter: runOptions.jitter ?? policy.jitter });
      const unused = policy.unused();
      if (unused.length > 0) throw new Error(`${name}: the run never reached tape entries ${unused.map((d) => `${d.index}:${d.value}`).join(", ")}`);
      return outcome;
    },
  };
}

/**
 * A docs program's export replayed from a tape, as `vloop replay FILE --tape
 * TAPE --export NAME` runs it (the command a docs page shows beside the
 * picture); `fails` is how the run must end.
 */
async function replayed(name: string, source: string, exportName: string, tape: string, title: string, fails?: Picture["fails"]): Promise<Picture> {
  const mod = (await import(pathToFileURL(join(repoRoot, source)).href)) as Record<string, Program>;
  const program = mod[exportName];
  if (typeof program !== "function") throw new Error(`${source} has no export ${exportName}`);
  return {
    name,
    source,
    title,
    ...(fails === undefined ? {} : { fails }),
    record: async (tracer) => {
      const policy = new ReplayPolicy(tape);
      const outcome = await traced(program, tracer, { strategy: policy, jitter: policy.jitter });
      const unused = policy.unused();
      if (unused.length > 0) throw new Error(`${name}: the run never reached tape entries ${unused.map((d) => `${d.index}:${d.value}`).join(", ")}`);
      return outcome;
    },
  };
}

/** Every picture the docs use, in the order the pages show them. */
export async function pictures(): Promise<Picture[]> {
  return [
    // tutorial.md, "Running tasks concurrently": three tasks, one row each, all at t=0, 1, 2, 3.
    await scenario("factorial", "scenarios/core/03_factorial_gather.async.ts"),
    // tutorial.md, "Cancellation": the cancelled task's last step is the CancelledError's.
    await scenario("cancel_me", "docs/examples/09_cancel_me.async.ts", "cancel_me(): task.cancel() while it sleeps"),
    // asyncio-to-vloop.md, TaskGroup: a failing child cancels its sibling and the body.
    await scenario("taskgroup_abort", "scenarios/asyncio/c32_taskgroup_child_error_cancels.async.ts"),
    // how-the-loop-works.md: the twelve sleepers of scenarios/core/04_equal_deadline_ties,
    // as the page's own example (tasks named t0..t11), wake in heapq's order.
    await scenario("equal_deadline_ties", "docs/examples/loop_ties.gen.ts", "twelve sleep(1) timers, one deadline: heapq's order"),
    // misconceptions.md, "createTask starts the coroutine now": a task's first step in the
    // next iteration, and under eagerTaskFactory inside createTask, in its creator's iteration.
    await scenario("create_task_lazy", "docs/examples/mis_create_task.async.ts", "createTask: the first step waits for its turn"),
    await scenario("create_task_eager", "docs/examples/mis_eager_task.async.ts", "eagerTaskFactory: the first step runs inside createTask"),
    // finding-races.md and races.md: one race, in CPython's order (passes) and
    // replayed from its shrunk tape (fails).
    race("lost_update_cpython", "lost_update", ""),
    race("lost_update", "lost_update"),
    // network-pictures.md: a client on main, a server on db, drawn as a sequence diagram.
    await scenario("net_client_server", "docs/examples/net_client_server.async.ts"),
    // testing-networked-code.md, "Replay it": the counter service under the partition explore found.
    await replayed("counter_partition", "docs/programs/counter_net.ts", "main", "9:1", 'counter_net.ts replayed from tape "9:1": a partition before view 2, one view counted twice', {
      name: "Error",
      message: /^counted 4 views for 3 page views$/,
    }),
  ];
}

/** A picture's two files, drawn from a fresh run. */
export async function draw(picture: Picture): Promise<{ svg: string; txt: string }> {
  const tracer = new ArrayTracer();
  const { error } = await picture.record(tracer);
  const events: readonly TraceEvent[] = tracer.events;
  const want = picture.fails;
  const ok =
    want === undefined ? error === undefined : error instanceof Error && error.name === want.name && want.message.test(error.message);
  if (!ok) {
    const got = error === undefined ? "passed" : `failed with ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`;
    throw new Error(`${picture.name}: expected the run to ${want ? `fail with ${want.name}: ${want.message}` : "pass"}, and it ${got}`);
  }
  return { svg: renderSvg(events, { title: picture.title }), txt: renderTimeline(events, { width: TEXT_WIDTH, color: false }) };
}

/** Writes every picture, and removes files in docs/pictures that no picture draws. */
async function writeAll(): Promise<void> {
  mkdirSync(picturesDir, { recursive: true });
  const all = await pictures();
  const keep = new Set<string>();
  for (const p of all) {
    const { svg, txt } = await draw(p);
    for (const [ext, text] of [["svg", svg], ["txt", txt]] as const) {
      const file = join(picturesDir, `${p.name}.${ext}`);
      writeFileSync(file, text);
      keep.add(`${p.name}.${ext}`);
      console.log(`wrote ${relative(repoRoot, file)}`);
    }
  }
  for (const f of readdirSync(picturesDir)) {
    // playground.png is the README's screenshot, which the playground's browser test writes
    if (!keep.has(f) && f !== "playground.png") {
      rmSync(join(picturesDir, f));
      console.log(`removed ${relative(repoRoot, join(picturesDir, f))} (no picture draws it)`);
    }
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  await writeAll();
}
