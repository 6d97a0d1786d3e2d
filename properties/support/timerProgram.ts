/**
 * Timer programs: random trees of callAt / callLater / callSoon / cancel,
 * run three ways with the same meaning:
 *   - by vloop (`runTimerProgram`), recording what each callback saw;
 *   - by `modelRunOnce`, a direct model of asyncio's `_run_once`;
 *   - by CPython 3.12 (properties/fixtures/heapOrder.py, same JSON format).
 *
 * Meaning of a program (identical in all three):
 *   The main task's first step sets a sentinel timer at SENTINEL (before
 *   anything else, so it sits in the heap like any other timer), then runs
 *   `main`, then awaits a future that the sentinel resolves. Observations
 *   stop when the sentinel fires (every other deadline is far below it).
 *   Ops, run in order by main and by every callback:
 *     { cancel: k }          cancel created[k % created.length] (timers only,
 *                            not the sentinel; nothing when none exist yet)
 *     { at: w, ops }         callAt(w, callback running ops)
 *     { later: d, ops }      callLater(d, callback running ops)
 *     { soon: ops }          callSoon(callback running ops)
 *   Every timer/soon op takes the next id (0, 1, 2, ...) when it is made.
 */
import fc from "fast-check";
import { createTask, getRunningLoop, runSync, sleep } from "../../src/index.js";
import type { TimerHandle } from "../../src/index.js";
import type { TraceEvent, Tracer } from "../../src/loop/trace.js";
import { heapify, heappop, heappush } from "./heapqModel.js";
import { watchdogPolicy } from "./watchdog.js";

export type TimerOp =
  | { cancel: number }
  | { at: number; ops: TimerOp[] }
  | { later: number; ops: TimerOp[] }
  | { soon: TimerOp[] };

export interface TimerProgram {
  main: TimerOp[];
}

/** Far beyond any deadline a generated program can reach (generators keep each delay under 3e5). */
export const SENTINEL = 4e6; // below 2**24 s, where now + 1e-9 == now (see law 2)
/** asyncio.base_events constants, repeated here on purpose (the model must not import src). */
const MIN_SCHEDULED_TIMER_HANDLES = 100;
const MIN_CANCELLED_TIMER_HANDLES_FRACTION = 0.5;
const MAXIMUM_SELECT_TIMEOUT = 24 * 3600;
const CLOCK_RESOLUTION = 1e-9;

/** What one callback saw when it ran. */
export interface Observation {
  id: number;
  /** loop.time() inside the callback */
  t: number;
  /** the loop iteration it ran in (loop._iteration: the trace's `i`) */
  iter: number;
  /** timers only: the deadline, and loop.time() when it was scheduled */
  when?: number;
  setAt?: number;
}

/** The sentinel's own observation uses this id. */
export const SENTINEL_ID = -1;

// ------------------------------------------------------------------ arbitraries

export interface TimerArbOptions {
  /** absolute deadlines for callAt */
  at: fc.Arbitrary<number>;
  /** delays for callLater */
  later: fc.Arbitrary<number>;
  /** ops in main */
  mainOps: { min: number; max: number };
  /** ops in each callback */
  cbOps: number;
  /** nesting depth of callbacks that schedule more */
  depth: number;
  /** include callSoon ops */
  soon: boolean;
  /** relative weight of cancel ops */
  cancelWeight: number;
}

export function timerOpsArb(o: TimerArbOptions, depth: number, min: number, max: number): fc.Arbitrary<TimerOp[]> {
  const cancel = fc.record({ cancel: fc.nat(1000) });
  const choices: fc.WeightedArbitrary<TimerOp>[] = [{ arbitrary: cancel, weight: o.cancelWeight }];
  const inner = depth > 0 ? timerOpsArb(o, depth - 1, 0, o.cbOps) : fc.constant([] as TimerOp[]);
  choices.push({ arbitrary: fc.record({ at: o.at, ops: inner }), weight: 3 });
  choices.push({ arbitrary: fc.record({ later: o.later, ops: inner }), weight: 3 });
  if (o.soon && depth > 0) choices.push({ arbitrary: fc.record({ soon: inner }), weight: 1 });
  return fc.array(fc.oneof(...choices), { minLength: min, maxLength: max });
}

export function timerProgramArb(o: TimerArbOptions): fc.Arbitrary<TimerProgram> {
  return fc.record({ main: timerOpsArb(o, o.depth, o.mainOps.min, o.mainOps.max) });
}

/**
 * Programs that make asyncio rebuild its heap: 101..260 timers at a few
 * equal deadlines, then over half of them cancelled, plus callbacks that
 * cancel and schedule more (so some cancelled timers leave in a due batch
 * without decrementing `_timer_cancelled_count`, CPython's quirk).
 */
export function rebuildProgramArb(): fc.Arbitrary<TimerProgram> {
  const at = fc.constantFrom(1, 1, 2, 2, 3, 4);
  const later = fc.constantFrom(0, 1, 1, 2, -1);
  const cb = timerOpsArb({ at, later, mainOps: { min: 0, max: 0 }, cbOps: 3, depth: 1, soon: false, cancelWeight: 3 }, 1, 0, 3);
  return fc
    .tuple(
      fc.array(fc.record({ at, ops: cb }), { minLength: 101, maxLength: 260 }),
      fc.double({ min: 0.5, max: 0.95, noNaN: true }),
      fc.nat(1_000_000),
    )
    .map(([timers, fraction, salt]) => {
      const n = timers.length;
      const cancels: TimerOp[] = [];
      const k = Math.ceil(n * fraction);
      // distinct victims: walk the indices with a stride coprime to n
      let stride = 1 + (salt % (n - 1));
      while (gcd(stride, n) !== 1) stride++;
      for (let i = 0; i < k; i++) cancels.push({ cancel: (salt + i * stride) % n });
      return { main: [...timers, ...cancels] };
    });
}

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

// ------------------------------------------------------------------ vloop

class ArrayTracer implements Tracer {
  readonly events: TraceEvent[] = [];
  emit(event: TraceEvent): void {
    this.events.push(event);
  }
}

/** What a sleeper task saw: it called sleep(d) at t0 and resumed at t. */
export interface SleepObservation {
  task: number;
  t0: number;
  d: number;
  t: number;
}

export interface VloopTimerRun {
  observations: Observation[];
  sleeps: SleepObservation[];
  events: TraceEvent[];
}

/**
 * Runs a timer program on vloop (generator main under runSync). With
 * `sleepers`, main first creates one task per list, each sleeping those
 * delays in turn (the model does not cover sleepers).
 */
export function runTimerProgram(
  program: TimerProgram,
  strategy: "cpython" | "fifo" = "cpython",
  sleepers: number[][] = [],
): VloopTimerRun {
  const tracer = new ArrayTracer();
  const observations: Observation[] = [];
  const sleeps: SleepObservation[] = [];
  runSync(
    function* () {
      const loop = getRunningLoop();
      sleepers.forEach((delays, task) =>
        createTask(function* () {
          for (const d of delays) {
            const t0 = loop.time();
            yield* sleep(d);
            sleeps.push({ task, t0, d, t: loop.time() });
          }
        }),
      );
      const created: TimerHandle[] = [];
      let nextId = 0;
      const done = loop.createFuture<void>();
      const sentinel = loop.callAt(SENTINEL, () => {
        observations.push({ id: SENTINEL_ID, t: loop.time(), iter: loop._iteration, when: sentinel.when(), setAt: 0 });
        done.setResult(undefined);
      });
      const exec = (ops: TimerOp[]): void => {
        for (const op of ops) {
          if ("cancel" in op) {
            if (created.length > 0) created[op.cancel % created.length].cancel();
          } else if ("soon" in op) {
            const id = nextId++;
            loop.callSoon(() => {
              observations.push({ id, t: loop.time(), iter: loop._iteration });
              exec(op.soon);
            });
          } else {
            const id = nextId++;
            const setAt = loop.time();
            const cb = (): void => {
              observations.push({ id, t: loop.time(), iter: loop._iteration, when: h.when(), setAt });
              exec(op.ops);
            };
            const h = "at" in op ? loop.callAt(op.at, cb) : loop.callLater(op.later, cb);
            created.push(h);
          }
        }
      };
      exec(program.main);
      yield* done;
    },
    // CPython's order (or FIFO ties), with a guard against a spinning loop
    { tracer, strategy: watchdogPolicy(1_000_000, strategy === "fifo") },
  );
  return { observations, sleeps, events: tracer.events };
}

// ------------------------------------------------------------------ the model

interface MTimer {
  when: number;
  id: number;
  cancelled: boolean;
  scheduled: boolean;
  ops: TimerOp[] | null; // null: the sentinel
}
interface MHandle {
  timer: MTimer | null;
  id: number;
  ops: TimerOp[] | null;
}

const lt = (a: MTimer, b: MTimer): boolean => a.when < b.when;

export interface ModelOptions {
  /**
   * false models a *fixed* asyncio that decrements `_timer_cancelled_count`
   * for cancelled timers leaving in a due batch; CPython 3.12 does not
   * (the default, true). Only used to show that the quirk is observable.
   */
  dueBatchQuirk?: boolean;
}

/**
 * asyncio's BaseEventLoop._run_once (3.12), for timer programs, written from
 * Lib/asyncio/base_events.py and events.py without looking at vloop:
 * lazy removal of cancelled timers at the head of the heap, the clean-up
 * rebuild (more than 100 scheduled and more than half of them counted as
 * cancelled), the jump of the virtual clock to the head timer (capped at a
 * day, as the select() timeout is), the due batch popped while
 * `when < now + resolution` (cancelled ones too, without touching the count),
 * and exactly the handles ready at the start of the iteration run in it.
 * Returns [id, time] per callback run, the sentinel last.
 */
export function modelRunOnce(program: TimerProgram, options: ModelOptions = {}): Array<[number, number]> {
  const quirk = options.dueBatchQuirk ?? true;
  let now = 0;
  let heap: MTimer[] = [];
  let cancelledCount = 0;
  const ready: MHandle[] = [];
  const created: MTimer[] = [];
  const out: Array<[number, number]> = [];
  let nextId = 0;
  let finished = false;

  const callAt = (when: number, id: number, ops: TimerOp[] | null): MTimer => {
    const t: MTimer = { when, id, cancelled: false, scheduled: true, ops };
    heappush(heap, t, lt);
    return t;
  };
  const cancel = (t: MTimer): void => {
    // TimerHandle.cancel -> loop._timer_handle_cancelled (counts only while scheduled)
    if (t.cancelled) return;
    if (t.scheduled) cancelledCount++;
    t.cancelled = true;
  };
  const exec = (ops: TimerOp[]): void => {
    for (const op of ops) {
      if ("cancel" in op) {
        if (created.length > 0) cancel(created[op.cancel % created.length]);
      } else if ("soon" in op) {
        ready.push({ timer: null, id: nextId++, ops: op.soon });
      } else {
        const id = nextId++;
        const when = "at" in op ? op.at : now + op.later;
        created.push(callAt(when, id, op.ops));
      }
    }
  };
  // Task-1's first step is the only ready handle of the first iteration.
  const mainStep: MHandle = { timer: null, id: -2, ops: null };
  ready.push(mainStep);

  for (let iteration = 0; !finished; iteration++) {
    if (iteration > 1_000_000) throw new Error(`model: runaway (now=${now}, heap=${heap.length}, ready=${ready.length})`);
    // --- _run_once, first half
    const schedCount = heap.length;
    if (schedCount > MIN_SCHEDULED_TIMER_HANDLES && cancelledCount / schedCount > MIN_CANCELLED_TIMER_HANDLES_FRACTION) {
      const fresh: MTimer[] = [];
      for (const h of heap) {
        if (h.cancelled) h.scheduled = false;
        else fresh.push(h);
      }
      heapify(fresh, lt);
      heap = fresh;
      cancelledCount = 0;
    } else {
      while (heap.length > 0 && heap[0].cancelled) {
        cancelledCount--;
        const h = heappop(heap, lt);
        h.scheduled = false;
      }
    }
    if (ready.length === 0) {
      if (heap.length === 0) throw new Error("model: deadlock");
      let timeout = heap[0].when - now;
      if (timeout > MAXIMUM_SELECT_TIMEOUT) timeout = MAXIMUM_SELECT_TIMEOUT;
      else if (timeout < 0) timeout = 0;
      // the virtual selector: jump exactly to the deadline unless capped
      if (timeout > 0) {
        const when = heap[0].when;
        if (when - now > timeout) now = now + timeout;
        else if (when > now) now = when;
      }
    }
    const endTime = now + CLOCK_RESOLUTION;
    while (heap.length > 0 && heap[0].when < endTime) {
      const h = heappop(heap, lt);
      h.scheduled = false;
      if (!quirk && h.cancelled) cancelledCount--;
      ready.push({ timer: h, id: h.id, ops: h.ops });
    }
    // --- second half: run exactly what is ready now
    const ntodo = ready.length;
    for (let i = 0; i < ntodo; i++) {
      const handle = ready.shift() as MHandle;
      if (handle.timer !== null && handle.timer.cancelled) continue;
      if (handle === mainStep) {
        callAt(SENTINEL, SENTINEL_ID, null);
        exec(program.main);
        continue;
      }
      out.push([handle.id, now]);
      if (handle.id === SENTINEL_ID) {
        finished = true;
        break;
      }
      exec(handle.ops as TimerOp[]);
    }
  }
  return out;
}

/** The vloop observations in the model's shape. */
export function observedOrder(run: VloopTimerRun): Array<[number, number]> {
  return run.observations.map((o) => [o.id, o.t]);
}
