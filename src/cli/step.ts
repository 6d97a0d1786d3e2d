/**
 * `vloop step FILE`: step through a run one loop iteration at a time. Each
 * frame shows the iteration and virtual time, the handles the iteration runs
 * (in order), the timer heap by deadline, and the lines the iteration
 * printed. Keys: s or Enter = next iteration, c = continue to the next time
 * advance, q = quit.
 *
 * Runs are deterministic, so the run is recorded first and then stepped
 * through: what you see is exactly what the loop did. With `--tape T` (what
 * explore printed), the run follows that schedule, and each frame in which a
 * decision left CPython's order says which.
 */
import { pc } from "./colors.js";
import type { EventLoop } from "../futures/eventLoop.js";
import { runScenario, styleOf } from "../scenario/runScenario.js";
import { describeError } from "./load.js";
import { EXIT, exitFor } from "./exitStatus.js";
import { describeDeviations } from "../explore/report.js";
import type { ChoiceRecord } from "../loop/baseEventLoop.js";
import { ReplayPolicy } from "../schedule/replay.js";

interface Frame {
  iteration: number;
  time: number;
  ready: string[];
  timers: { when: number; what: string }[];
  lines: string[];
  /** idle iterations (a day of waiting each, as asyncio's select cap) counted before this one instead of run */
  skipped: number;
  /** the decisions of this iteration that left CPython's order (a replayed tape), described */
  deviations: string[];
}

/** How to run the program: CPython's order, or a tape to follow. */
export interface StepOptions {
  maxSteps?: number;
  tape?: string;
  jitter?: number;
}

function fmt(t: number): string {
  return Number.isInteger(t) ? String(t) : String(+t.toFixed(6));
}

/** The most frames kept (a livelock makes frames without end, until its step budget). */
const FRAME_LIMIT = 200_000;

export async function record(main: (...args: unknown[]) => unknown, options: StepOptions = {}): Promise<{ frames: Frame[]; error?: unknown; dropped: number }> {
  const frames: Frame[] = [];
  let error: unknown;
  let dropped = 0;
  let loop: EventLoop | undefined;
  const policy = options.tape !== undefined ? new ReplayPolicy(options.tape) : undefined;
  try {
    await runScenario(main as () => Generator<unknown, unknown, unknown>, styleOf(main), {
      maxSteps: options.maxSteps,
      ...(policy ? { strategy: policy, jitter: options.jitter ?? policy.jitter, recordChoices: true } : {}),
      onLoop: (l) => (loop = l),
      onRaise: (e) => (error = e),
      onDeadlock: (e) => (error = e),
      onIteration: (l: EventLoop) => {
        if (frames.length >= FRAME_LIMIT) {
          dropped++;
          return;
        }
        const snap = l.snapshot();
        frames.push({ iteration: snap.iteration, time: snap.time, ready: snap.ready, timers: snap.timers, lines: [], skipped: snap.skipped, deviations: [] });
      },
      onLine: (line) => {
        const frame = frames[frames.length - 1];
        if (frame) frame.lines.push(line);
      },
    });
  } catch (e) {
    error = e;
  }
  const finished = loop as EventLoop | undefined;
  if (finished) markDeviations(frames, finished.choiceLog);
  nameMainAlike(frames);
  return { frames, error, dropped };
}

/** Attaches each decision that left CPython's order to the frame of its iteration. */
function markDeviations(frames: Frame[], log: readonly ChoiceRecord[]): void {
  for (const rec of log) {
    if (rec.chosen === 0) continue;
    const frame = frames.find((f) => f.iteration === rec.iteration);
    const text = describeDeviations([{ index: rec.index, value: rec.chosen }], log).split("\n")[1]?.trim();
    if (frame && text) frame.deviations.push(text);
  }
}

/**
 * The harness (runScenario) names the main task "main" in its first step, as
 * the recorder does; frames before that step would show asyncio's "Task-1"
 * (always the main task: the first task of a run). Name it alike in every frame.
 */
function nameMainAlike(frames: Frame[]): void {
  const rename = (s: string) => s.replace(/\bTask-1\b/g, "main");
  for (const f of frames) {
    f.ready = f.ready.map(rename);
    f.timers = f.timers.map((t) => ({ ...t, what: rename(t.what) }));
  }
}

/**
 * The frame a key leads to from frame `i` (null: quit). s, Enter or space:
 * the next iteration; c: the first frame at a later virtual time, or the
 * last frame when there is none (so the run's last frames are still shown);
 * at the last frame, any step quits.
 */
export function nextFrame(frames: readonly Frame[], i: number, key: string): number | null | undefined {
  if (key === "q" || key === "\u0003") return null;
  const last = frames.length - 1;
  if (key === "s" || key === "\r" || key === " ") return i >= last ? null : i + 1;
  if (key === "c") {
    if (i >= last) return null;
    const t = frames[i]?.time;
    let j = i;
    while (j < last && frames[j]?.time === t) j++;
    return j;
  }
  return undefined; // not a key of ours
}

export function renderFrame(frame: Frame, index: number, count: number, file: string): string {
  const out: string[] = [];
  out.push(pc.bold(`vloop step ${file}`) + pc.dim(`   frame ${index + 1}/${count}`));
  out.push(`${pc.cyan(`iteration ${frame.iteration}`)}   ${pc.cyan(`t=${fmt(frame.time)}`)}`);
  for (const d of frame.deviations) out.push(pc.red(`▲ left CPython's order here: ${d}`));
  if (frame.skipped > 0) out.push(pc.dim(`(after ${frame.skipped} idle iterations of up to a day each: nothing was ready, the next timer was far away)`));
  out.push("");
  out.push(pc.bold(`ready queue (runs now, in this order): ${frame.ready.length}`));
  for (const r of frame.ready.slice(0, 12)) out.push(`  ${r}`);
  if (frame.ready.length > 12) out.push(pc.dim(`  ... ${frame.ready.length - 12} more`));
  out.push(pc.bold(`timer heap (by deadline): ${frame.timers.length}`));
  for (const t of frame.timers.slice(0, 8)) out.push(`  t=${fmt(t.when).padEnd(8)} ${t.what}`);
  if (frame.timers.length > 8) out.push(pc.dim(`  ... ${frame.timers.length - 8} more`));
  out.push(pc.bold("printed in this iteration:"));
  for (const l of frame.lines) out.push(`  ${l}`);
  if (frame.lines.length === 0) out.push(pc.dim("  (nothing)"));
  out.push("");
  out.push(pc.dim("[s]/Enter step   [c] continue to next time advance   [q] quit"));
  return out.join("\n");
}

/** The interactive loop; returns the exit status (as `vloop run` would for the same run). */
export async function stepThrough(main: (...args: unknown[]) => unknown, file: string, options: StepOptions = {}): Promise<number> {
  const { frames, error, dropped } = await record(main, options);
  if (dropped > 0) process.stderr.write(pc.yellow(`stepping through the first ${frames.length} iterations; ${dropped} more were not kept\n`));
  const stdin = process.stdin;
  const show = (i: number): void => {
    process.stdout.write("\x1b[2J\x1b[H");
    process.stdout.write(`${renderFrame(frames[i], i, frames.length, file)}\n`);
  };
  const finish = (): number => {
    process.stdout.write(`\n${pc.bold("end of run")}${error ? `: ${pc.red(describeError(error, file))}` : ""}\n`);
    return error === undefined ? EXIT.ok : exitFor(error);
  };
  if (frames.length === 0) return finish();
  if (!stdin.isTTY) {
    // not interactive: print every frame one after another
    frames.forEach((f, i) => process.stdout.write(`${renderFrame(f, i, frames.length, file)}\n\n`));
    return finish();
  }
  let i = 0;
  show(i);
  stdin.setRawMode(true);
  stdin.resume();
  return await new Promise<number>((resolve) => {
    const quit = (): void => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off("data", onKey);
      resolve(finish());
    };
    const onKey = (buf: Buffer): void => {
      const next = nextFrame(frames, i, buf.toString());
      if (next === undefined) return;
      if (next === null) return quit();
      i = next;
      show(i);
    };
    stdin.on("data", onKey);
  });
}
