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
import { describeError } from "./load.js";
import { EXIT, exitFor } from "./exitStatus.js";
import { type Frame, type FrameMessage, type StepOptions, nextFrame, recordFrames } from "../scenario/recordFrames.js";

// the recording and the keys are shared with the browser playground (src/scenario/recordFrames.ts)
export { nextFrame, type StepOptions };

function fmt(t: number): string {
  return Number.isInteger(t) ? String(t) : String(+t.toFixed(6));
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
  const { frames, error, dropped } = await recordFrames(main, options);
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
