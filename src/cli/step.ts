/**
 * `vloop step FILE`: step through a run one loop iteration at a time. Each
 * frame shows the iteration and virtual time, the handles the iteration runs
 * (in order), the timer heap by deadline, the lines the iteration
 * printed, and, for a program with a simulated network, the messages in
 * flight as the iteration ends (`network().inFlight()` after its handles
 * ran: what they sent and what is still on its way). Keys: s or Enter = next iteration, c = continue to the next time
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
import { SelectorLoop } from "../net/selectorLoop.js";
import type { InFlight, Network } from "../net/network.js";

/** A message on its way, as a frame shows it. */
export interface FrameMessage {
  id: number;
  kind: InFlight["kind"];
  from: string;
  to: string;
  bytes: number;
  sent: number;
  /** when it arrives (Infinity while held) */
  due: number;
  held: boolean;
  lost: boolean;
}

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
  /** the messages on their way as the iteration ends, after its handles ran (absent when the program has no network) */
  inFlight?: FrameMessage[];
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
        const frame: Frame = { iteration: snap.iteration, time: snap.time, ready: snap.ready, timers: snap.timers, lines: [], skipped: snap.skipped, deviations: [] };
        const sel = SelectorLoop.peek(l);
        if (sel !== null && sel.kernel._net !== null) {
          // What is in flight as this iteration ends: taken when the next IO phase begins (or after the run, for the last).
          const net = sel.kernel._net;
          frame.inFlight = inFlightOf(net);
          // The iteration that made the network had no hook yet: what it sent, as far as it is still on its way.
          const previous = frames[frames.length - 1];
          if (previous !== undefined && previous.inFlight === undefined) previous.inFlight = frame.inFlight;
          sel._beforeIo = () => (frame.inFlight = inFlightOf(net));
        }
        frames.push(frame);
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
  const net = finished ? SelectorLoop.peek(finished)?.kernel._net : null;
  const last = frames[frames.length - 1];
  if (net && last?.inFlight !== undefined && dropped === 0) last.inFlight = inFlightOf(net);
  nameMainAlike(frames);
  return { frames, error, dropped };
}

function inFlightOf(net: Network): FrameMessage[] {
  return net.inFlight().map((m) => ({ id: m.id, kind: m.kind, from: m.from, to: m.to, bytes: m.bytes.length, sent: m.sent, due: m.due, held: m.held, lost: m.lost }));
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
  if (frame.inFlight !== undefined) {
    out.push(pc.bold(`in flight as the iteration ends: ${frame.inFlight.length}`));
    for (const m of frame.inFlight.slice(0, 8)) out.push(`  ${describeInFlight(m)}`);
    if (frame.inFlight.length > 8) out.push(pc.dim(`  ... ${frame.inFlight.length - 8} more`));
  }
  out.push(pc.bold("printed in this iteration:"));
  for (const l of frame.lines) out.push(`  ${l}`);
  if (frame.lines.length === 0) out.push(pc.dim("  (nothing)"));
  out.push("");
  out.push(pc.dim("[s]/Enter step   [c] continue to next time advance   [q] quit"));
  return out.join("\n");
}

/**
 * One message on its way: "#3 5 bytes main → db, sent t=0.1, arrives t=0.15"
 * (or "held": a partition or hold keeps it; "lost": it will reset its
 * connection instead of arriving).
 */
export function describeInFlight(m: FrameMessage): string {
  const what = m.kind === "data" ? `${m.bytes} bytes` : m.kind === "syn" ? "connect" : m.kind;
  const fate = m.held ? "held (a partition or hold keeps it)" : `${m.lost ? "lost at" : "arrives"} t=${fmt(m.due)}`;
  return `#${m.id} ${what} ${m.from} → ${m.to}, sent t=${fmt(m.sent)}, ${fate}`;
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
