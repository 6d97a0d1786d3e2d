/**
 * One run of a program under a given policy, with what exploration needs to
 * know afterwards: did it fail, with what, and which decisions it made.
 */
import { EventLoop } from "../futures/eventLoop.js";
import type { ChoiceRecord } from "../loop/baseEventLoop.js";
import { ArrayTracer, type TraceEvent } from "../loop/trace.js";
import { AsyncInRunSync } from "../errors.js";
import { runOn, runSyncOn } from "../run.js";
import type { SchedulingPolicy } from "../schedule/policy.js";
import type { Coroutine } from "../types.js";
import { nextMacrotask } from "../util/macrotask.js";

/** A program: a zero-argument function returning a fresh main coroutine (or the main coroutine function itself). */
export type Program = () => unknown;

export interface RunOptions {
  maxSteps?: number;
  jitter?: number;
  /** see LoopOptions.faultScale */
  faultScale?: number;
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

/** True when the program's earlier runs used no async function (its next run goes through runSync). */
export function isKnownSync(program: Program): boolean {
  return syncPrograms.has(program);
}

const mains = new WeakMap<Program, Coroutine<unknown>>();

/** Calls the program for a fresh main coroutine; unwraps one level of "function returning the coroutine function". */
export function mainOf(program: Program): Coroutine<unknown> {
  let main = mains.get(program);
  if (main === undefined) {
    main = () => {
      const made = program();
      return (typeof made === "function" ? (made as () => unknown)() : made) as never;
    };
    mains.set(program, main);
  }
  return main;
}

/**
 * Runs `program` once under a fresh policy from `makePolicy`. A program whose
 * earlier runs used no async function runs under runSync (no promise per
 * run); if it turns out to start one after all, the run is redone under run()
 * with a fresh policy, so the outcome is the same either way.
 */
export function runOnce(program: Program, makePolicy: () => SchedulingPolicy, options: RunOptions = {}): Promise<RunOutcome> {
  const outcome = syncPrograms.has(program) ? runOnceSync(program, makePolicy(), options) : undefined;
  if (outcome === ASYNC_STARTED) return drainAsyncStart().then(() => runAsyncWith(program, makePolicy(), options));
  if (outcome !== undefined) return Promise.resolve(outcome);
  return runAsyncWith(program, makePolicy(), options);
}

/** runOnceSync's answer when the program started an async body after all. */
export const ASYNC_STARTED = "async-started";

/**
 * The synchronous half of runOnce, for exploration's inner loop (no promise,
 * no await per run): runs a program that isKnownSync() under runSync.
 * Returns ASYNC_STARTED if it turned out to start an async body after all
 * (call drainAsyncStart(), then run it with runOnce and a fresh policy).
 */
export function runOnceSync(program: Program, policy: SchedulingPolicy, options: RunOptions): RunOutcome | typeof ASYNC_STARTED {
  const outcome = runSyncWith(program, policy, options);
  if (!(outcome.failed && outcome.error instanceof AsyncInRunSync)) return outcome;
  syncPrograms.delete(program);
  return ASYNC_STARTED;
}

/**
 * The async body that runSync refused has started; let it run out (it fails
 * at once without a loop) before the next run installs its loop.
 */
export function drainAsyncStart(): Promise<void> {
  return nextMacrotask();
}

function newLoop(policy: SchedulingPolicy, options: RunOptions, tracer: ArrayTracer | undefined): EventLoop {
  return new EventLoop({
    policy,
    maxSteps: options.maxSteps,
    tracer: tracer ?? null,
    recordChoices: options.recordChoices,
    jitter: options.jitter,
    faultScale: options.faultScale,
  });
}

function runSyncWith(program: Program, policy: SchedulingPolicy, options: RunOptions): RunOutcome {
  const tracer = options.trace ? new ArrayTracer() : undefined;
  let loop: EventLoop | undefined;
  let failed = false;
  let error: unknown;
  try {
    // throws like run() would, e.g. for a bad jitter: then there is no loop
    loop = newLoop(policy, options, tracer);
    runSyncOn(loop, mainOf(program) as () => Generator<unknown, unknown, unknown>);
  } catch (e) {
    failed = true;
    error = e;
  }
  return outcomeOf(loop, failed, error, tracer);
}

/**
 * A run under run(); a run that started no async body marks the program as
 * synchronous. Written with then() rather than as an async function: this is
 * the per-run path of exploring an async-style program, and an async
 * function's frame and awaits (here and in runOnce) cost ~0.4 us of a 2 us
 * empty run (measured).
 */
function runAsyncWith(program: Program, policy: SchedulingPolicy, options: RunOptions): Promise<RunOutcome> {
  const tracer = options.trace ? new ArrayTracer() : undefined;
  let loop: EventLoop | undefined;
  let running: Promise<unknown>;
  try {
    loop = newLoop(policy, options, tracer);
    running = runOn(loop, mainOf(program));
  } catch (e) {
    // (a bad option, or a run refused at once: an outcome, as a rejection would be)
    return Promise.resolve(outcomeOf(loop, true, e, tracer));
  }
  return running.then(
    () => {
      if (!(loop as EventLoop)._sawAsync) syncPrograms.add(program);
      return outcomeOf(loop, false, undefined, tracer);
    },
    (e: unknown) => outcomeOf(loop, true, e, tracer),
  );
}

function outcomeOf(loop: EventLoop | undefined, failed: boolean, error: unknown, tracer: ArrayTracer | undefined): RunOutcome {
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
