/**
 * The decisions of a choosing policy, for one loop: which of the tasks woken
 * in an iteration steps first, which of the timers due at one deadline fires
 * first, and (opt-in) whether a timer fires on time, early or late. Every
 * decision goes through `decide()`, which asks the policy, checks the answer
 * and records it on the tape (and, for reports, in the choice log).
 *
 * Ordering: index 0 is always CPython's choice, so a tape of zeros (or no
 * tape) is CPython's schedule. The loop calls in here only when its policy
 * chooses; with the default policy none of this runs.
 */
import { UsageError } from "../errors.js";
import type { ChoicePoint, SchedulingPolicy } from "../schedule/policy.js";
import type { BaseEventLoop, ChoiceRecord } from "./baseEventLoop.js";
import { describeCandidate, isTaskCallback } from "./taskCallbacks.js";
import type { Runnable, TimerLike } from "./handle.js";
import { showTyped } from "../util/showValue.js";

const NO_CANDIDATES: readonly unknown[] = [];

/** The tasks of handles[from, to), for policies and reports that name them. */
function candidatesOf(handles: readonly (Runnable | null)[], from: number, to: number): unknown[] {
  const tasks: unknown[] = [];
  for (let i = from; i < to; i++) tasks.push((handles[i] as Runnable)._a0);
  return tasks;
}

export class Choices {
  // (fields set in the constructor, not by initializers: a loop, and so a
  // Choices, is made per explored run; see Future's constructor)
  /** one entry per decision: the alternative taken (0 = CPython's) */
  declare readonly tape: number[];
  /** how many alternatives each decision had */
  declare readonly alternatives: number[];
  /** with recordChoices: what each decision was about */
  declare readonly log: ChoiceRecord[];
  /** decisions about task order (PCT's steps) */
  declare readyDecisions: number;
  /** seconds a timer may fire early or late, as a decision (0: off) */
  declare readonly jitter: number;
  /** with recordChoices: which task set each timer */
  private declare readonly timerSetters: WeakMap<object, string> | null;
  /** the one ChoicePoint handed to the policy, refilled for every decision (see ChoicePoint) */
  private declare readonly point: { -readonly [K in keyof ChoicePoint]: ChoicePoint[K] };
  /** scratch arrays of chooseReady: the ready-queue positions of task steps, and their handles */
  private declare readonly slots: number[];
  private declare readonly handles: (Runnable | null)[];
  private declare readonly loop: BaseEventLoop;
  private declare readonly policy: SchedulingPolicy;
  private declare readonly record: boolean;

  constructor(loop: BaseEventLoop, policy: SchedulingPolicy, record: boolean, jitter: number) {
    if (typeof jitter !== "number" || !Number.isFinite(jitter) || jitter < 0) {
      throw new TypeError(`jitter must be a finite number of seconds >= 0 (got ${showTyped(jitter)})`);
    }
    this.loop = loop;
    this.policy = policy;
    this.record = record;
    this.tape = [];
    this.alternatives = [];
    this.log = [];
    this.readyDecisions = 0;
    this.jitter = policy.chooses ? jitter : 0;
    this.timerSetters = record ? new WeakMap() : null;
    this.point = { kind: "ready", time: 0, iteration: 0, index: 0, candidates: NO_CANDIDATES, weights: null };
    this.slots = [];
    this.handles = [];
  }

  /** Remembers which task set a timer (for reports). */
  noteTimer(timer: TimerLike): void {
    if (this.timerSetters !== null) this.timerSetters.set(timer, this.loop._currentTask?.getName() ?? "-");
  }

  /**
   * Asks the policy to pick one of `n` alternatives, checks the answer, and
   * records it on the tape (and in the choice log when asked to).
   */
  private decide(
    kind: ChoicePoint["kind"],
    n: number,
    candidates: readonly unknown[],
    what = "",
    weights: readonly number[] | null = null,
    names: (() => string[]) | null = null,
    iteration = this.loop._iteration,
  ): number {
    const loop = this.loop;
    const index = this.tape.length;
    const time = loop.time();
    const point = this.point;
    point.kind = kind;
    point.time = time;
    point.iteration = iteration;
    point.index = index;
    point.candidates = candidates;
    point.weights = weights;
    let k: number;
    try {
      k = this.policy.choose(n, point);
      if (!Number.isInteger(k) || k < 0 || k >= n) {
        throw new UsageError(`strategy ${this.policy.name}: choose(${n}) returned ${showTyped(k)}; expected an integer in [0, ${n - 1}]`);
      }
    } catch (error) {
      // A decision can be taken inside a task's step (a timer's jitter): make
      // sure user code cannot swallow a strategy's error.
      loop._fatal(error);
      throw error;
    }
    this.tape.push(k);
    this.alternatives.push(n);
    if (kind === "ready") this.readyDecisions++;
    if (this.record) {
      const named =
        names !== null
          ? names()
          : kind === "jitter"
          ? [`${what} on time`, `${what} ${this.jitter}s early`, `${what} ${this.jitter}s late`]
          : candidates.map((c) => (kind === "timer" ? this.describeTimer(c as TimerLike) : describeCandidate(c)));
      this.log.push({ index, kind, time, iteration, n, chosen: k, names: named });
    }
    if (loop._tracer !== null) loop._emit({ kind: "choice", t: time, i: iteration, point: kind, n, chosen: k });
    return k;
  }

  private describeTimer(timer: TimerLike): string {
    const by = this.timerSetters?.get(timer);
    return `${timer.describeTimer().replace(/^callback /, "")} (timer #${timer._id}${by ? ` set by ${by}` : ""}, due t=${timer._when})`;
  }

  /** A new timer's deadline after the jitter decision: on time, early or late. */
  jittered(when: number, what: () => string): number {
    let label = "a timer";
    if (this.record) {
      const task = this.loop._currentTask;
      label = `${what()} (due t=${when}${task ? `, set by ${task.getName()}` : ""})`;
    }
    const k = this.decide("jitter", 3, [], label);
    return k === 0 ? when : k === 1 ? when - this.jitter : when + this.jitter;
  }

  /**
   * A decision of the simulated network (src/net/network.ts): one of `n`
   * alternatives, 0 the fault-free one; `names` describes them in that order
   * (called only when reports need it); `weights` their odds, or null.
   * `ioPhase`: taken in the IO phase, before the loop counts the iteration
   * whose handles the arrival wakes: it belongs to that iteration.
   */
  chooseNet(n: number, names: () => string[], weights: readonly number[] | null, ioPhase = false): number {
    return this.decide("net", n, NO_CANDIDATES, "", weights, names, this.loop._iteration + (ioPhase ? 1 : 0));
  }

  /**
   * Reorders the tasks woken in this iteration: the handles that step a task
   * are permuted among their own slots (at each slot the policy picks one of
   * the remaining tasks, 0 = FIFO, the rest keep their order); plain
   * callbacks keep their places. Beyond CPython, which is FIFO.
   */
  chooseReady(to: number): void {
    const ready = this.loop._ready;
    const slots = this.slots;
    const handles = this.handles;
    let n = 0;
    for (let i = 0; i < to; i++) {
      const h = ready.at(i);
      if (isTaskCallback(h._fn)) {
        slots[n] = i;
        handles[n] = h;
        n++;
      }
    }
    if (n < 2) {
      if (n === 1) handles[0] = null; // keep no handle alive past its run
      return;
    }
    const named = this.policy.needsCandidates === true || this.record;
    for (let s = 0; s < n - 1; s++) {
      const rest = n - s;
      const k = this.decide("ready", rest, named ? candidatesOf(handles, s, n) : NO_CANDIDATES);
      if (k > 0) {
        // handles[s + k] moves to slot s; the ones between keep their order
        const picked = handles[s + k];
        for (let j = s + k; j > s; j--) handles[j] = handles[j - 1];
        handles[s] = picked;
      }
    }
    for (let s = 0; s < n; s++) {
      ready.set(slots[s], handles[s] as Runnable);
      handles[s] = null;
    }
  }

  /**
   * Reorders timers that fall due with equal deadlines in this iteration
   * (ready[from, to) holds them in heap pop order).
   */
  chooseTimers(from: number, to: number): void {
    const ready = this.loop._ready;
    for (let i = from; i < to - 1; i++) {
      const when = (ready.at(i) as TimerLike)._when;
      let end = i + 1;
      while (end < to && (ready.at(end) as TimerLike)._when === when) end++;
      const n = end - i;
      if (n < 2) continue;
      const group: Runnable[] = [];
      for (let j = i; j < end; j++) group.push(ready.at(j));
      const k = this.decide("timer", n, group);
      if (k > 0) {
        const picked = ready.at(i + k);
        for (let j = i + k; j > i; j--) ready.set(j, ready.at(j - 1));
        ready.set(i, picked);
      }
    }
  }
}
