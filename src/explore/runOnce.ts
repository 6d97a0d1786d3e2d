/**
 * One run of a program under a given policy, with what exploration needs to
 * know afterwards: did it fail, with what, and which decisions it made.
 */
import type { EventLoop } from "../futures/eventLoop.js";
import type { ChoiceRecord } from "../loop/baseEventLoop.js";
import { ArrayTracer, type TraceEvent } from "../loop/trace.js";
import { AsyncInRunSync } from "../errors.js";
import { run, runSync } from "../run.js";
import type { SchedulingPolicy } from "../schedule/policy.js";
import type { Coroutine } from "../types.js";

/** A program: a zero-argument function returning a fresh main coroutine (or the main coroutine function itself). */
export type Program = () => unknown;

export interface RunOptions {
  maxSteps?: number;
  jitter?: number;
  recordChoices?: boolean;
  trace?: boolean;
}

export interface RunOutcome {
  failed: boolean;
  error?: unknown;
  /** the dense tape: one entry per decision */
  tape: number[];
  /** how many alternatives each decision had */
  alternatives: number[];
  /** how many decisions were about task order */
  readyDecisions: number;
  choiceLog: ChoiceRecord[];
  trace?: TraceEvent[];
  endTime: number;
}

/** Programs whose runs used no async function: later runs take runSync's faster path. */
const syncPrograms = new WeakSet<Program>();

/** Calls the program for a fresh main coroutine; unwraps one level of "function returning the coroutine function". */
export function mainOf(program: Program): Coroutine<unknown> {
  return () => {
    const made = program();
    return (typeof made === "function" ? (made as () => unknown)() : made) as never;
  };
}

/**
 * Runs `program` once under a fresh policy from `makePolicy`. A program whose
 * earlier runs used no async function runs under runSync (no promise per
 * run); if it turns out to start one after all, the run is redone under run()
 * with a fresh policy, so the outcome is the same either way.
 */
export async function runOnce(program: Program, makePolicy: () => SchedulingPolicy, options: RunOptions = {}): Promise<RunOutcome> {
  if (syncPrograms.has(program)) {
    const outcome = await runWith(program, makePolicy(), options, true);
    if (!(outcome.failed && outcome.error instanceof AsyncInRunSync)) return outcome;
    syncPrograms.delete(program);
    // The async body that runSync refused has started; let it run out (it
    // fails at once without a loop) before the next run installs its loop.
    await new Promise((resolve) => setImmediate(resolve)); // real-time: waits for the microtask queue to drain, decides no order
  }
  return runWith(program, makePolicy(), options, false);
}

async function runWith(program: Program, policy: SchedulingPolicy, options: RunOptions, sync: boolean): Promise<RunOutcome> {
  let loop: EventLoop | undefined;
  const tracer = options.trace ? new ArrayTracer() : undefined;
  let failed = false;
  let error: unknown;
  const loopOptions = {
    strategy: policy,
    maxSteps: options.maxSteps,
    jitter: options.jitter,
    recordChoices: options.recordChoices,
    tracer,
    onLoop: (l: EventLoop) => (loop = l),
  };
  try {
    // A program known to be all generators runs under runSync: no promise per run.
    if (sync) runSync(mainOf(program) as () => Generator<unknown, unknown, unknown>, loopOptions);
    else await run(mainOf(program), loopOptions);
  } catch (e) {
    failed = true;
    error = e;
  }
  const seenLoop = loop as EventLoop | undefined;
  if (seenLoop !== undefined && !seenLoop._sawAsync && !failed) syncPrograms.add(program);
  return {
    failed,
    error,
    tape: loop ? loop.tape : [],
    alternatives: loop ? loop.alternatives : [],
    readyDecisions: loop ? loop.readyDecisions : 0,
    choiceLog: loop ? loop.choiceLog : [],
    trace: tracer?.events,
    endTime: loop ? loop.time() : 0,
  };
}

/** What kind of failure an error is: shrinking keeps failures of the same kind. */
export function failureKind(error: unknown): string {
  if (error instanceof Error) return error.name;
  return typeof error;
}

/** FNV-1a over the trace's JSON: the determinism self-check compares these. */
export function traceHash(events: readonly TraceEvent[]): string {
  let h = 0x811c9dc5;
  for (const e of events) {
    const s = JSON.stringify(e);
    for (let i = 0; i < s.length; i++) {
      h ^= s.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
  }
  return h.toString(16).padStart(8, "0");
}
