/**
 * A run recorded as frames, one per loop iteration: what `vloop step` steps
 * through and what the browser playground shows. Both import this module, so
 * for the same program (and tape) they show the same frames.
 *
 * Runs are deterministic, so the run is recorded first and then stepped
 * through: a frame is taken at the start of each iteration, after the timers
 * that fell due moved to the ready queue, and before its handles run; the
 * lines a frame holds are the ones its iteration printed.
 */
import type { EventLoop } from "../futures/eventLoop.js";
import type { Tracer } from "../loop/trace.js";
import { runScenario, styleOf } from "./runScenario.js";
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

/** One loop iteration, as it began. */
export interface Frame {
  iteration: number;
  time: number;
  /** the handles this iteration runs, in order ("step Task-2", "callback doneCallback") */
  ready: string[];
  /** the live timers by deadline */
  timers: { when: number; what: string }[];
  /** the timer heap as its array, in heapq's order (cancelled entries included) */
  heap: { when: number; what: string; cancelled: boolean }[];
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
  /** also record the run's trace (the playground draws its timeline) */
  tracer?: Tracer;
  /** keep at most this many frames (default FRAME_LIMIT); later iterations are counted in `dropped` */
  frameLimit?: number;
}

/** A recorded run. */
export interface RecordedRun {
  frames: Frame[];
  /** what ended the run: main's error, a deadlock, a step budget */
  error?: unknown;
  /** iterations past FRAME_LIMIT, counted but not kept */
  dropped: number;
  /** every line the run printed, as `vloop run` prints them */
  lines: string[];
  /** the run's decisions (kept when it followed a tape) */
  choiceLog: readonly ChoiceRecord[];
}

/** The most frames kept (a livelock makes frames without end, until its step budget). */
export const FRAME_LIMIT = 200_000;

/** The hooks that record frames from a run, and what they recorded. */
export interface FrameRecorder {
  onLoop(loop: EventLoop): void;
  onIteration(loop: EventLoop): void;
  /** a line the program printed: it belongs to the iteration running now */
  onLine(line: string): void;
  /** the frames so far, with the deviations marked; `renameMain`: the main task shows as "main" (runScenario names it so) */
  result(renameMain: boolean): { frames: Frame[]; dropped: number; choiceLog: readonly ChoiceRecord[] };
}

/**
 * The hooks that record one frame per loop iteration, for any run: pass
 * onLoop and onIteration to run()'s options and onLine the lines printed.
 * Mirrors no asyncio function: it is `vloop step`'s recording, built on
 * `loop.snapshot()`. Throws nothing.
 * @example const rec = frameRecorder(); await run(main, { onLoop: rec.onLoop, onIteration: rec.onIteration }); rec.result(false).frames
 */
export function frameRecorder(frameLimit = FRAME_LIMIT): FrameRecorder {
  const frames: Frame[] = [];
  let dropped = 0;
  let loop: EventLoop | undefined;
  return {
    onLoop: (l) => (loop = l),
    onIteration: (l) => {
      if (frames.length >= frameLimit) {
        dropped++;
        return;
      }
      const snap = l.snapshot();
      const frame: Frame = { iteration: snap.iteration, time: snap.time, ready: snap.ready, timers: snap.timers, heap: snap.heap, lines: [], skipped: snap.skipped, deviations: [] };
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
    result: (renameMain) => {
      if (loop) markDeviations(frames, loop.choiceLog);
      const net = loop ? SelectorLoop.peek(loop)?.kernel._net : null;
      const last = frames[frames.length - 1];
      if (net && last?.inFlight !== undefined && dropped === 0) last.inFlight = inFlightOf(net);
      if (renameMain) nameMainAlike(frames);
      return { frames, dropped, choiceLog: loop?.choiceLog ?? [] };
    },
  };
}

/**
 * Runs a scenario's main (as `vloop run` does) and records one frame per loop iteration.
 * Mirrors no asyncio function: it is `vloop step`'s recording, built on `loop.snapshot()`.
 * Never throws for the program's own failures: they are returned as `error`.
 * @example const { frames } = await recordFrames(main, { tape: "0:3" });
 */
export async function recordFrames(main: (...args: unknown[]) => unknown, options: StepOptions = {}): Promise<RecordedRun> {
  let error: unknown;
  let lines: string[] = [];
  const recorder = frameRecorder(options.frameLimit);
  const policy = options.tape !== undefined ? new ReplayPolicy(options.tape) : undefined;
  try {
    lines = await runScenario(main as () => Generator<unknown, unknown, unknown>, styleOf(main), {
      maxSteps: options.maxSteps,
      ...(options.tracer ? { tracer: options.tracer } : {}),
      ...(policy ? { strategy: policy, jitter: options.jitter ?? policy.jitter, recordChoices: true } : {}),
      onLoop: recorder.onLoop,
      onRaise: (e) => (error = e),
      onDeadlock: (e) => (error = e),
      onIteration: recorder.onIteration,
      onLine: recorder.onLine,
    });
  } catch (e) {
    error = e;
  }
  return { ...recorder.result(true), error, lines };
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
    f.heap = f.heap.map((t) => ({ ...t, what: rename(t.what) }));
  }
}

/**
 * The frame a key leads to from frame `i` (null: quit).
 * Mirrors no asyncio function: `vloop step`'s keys, which the playground's buttons share.
 * s, Enter or space: the next iteration; c: the first frame at a later
 * virtual time, or the last frame when there is none (so the run's last
 * frames are still shown); at the last frame, any step quits. Throws nothing.
 * @example nextFrame(frames, 0, "c") // the first frame after the clock moved
 */
export function nextFrame(frames: readonly Pick<Frame, "time">[], i: number, key: string): number | null | undefined {
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
