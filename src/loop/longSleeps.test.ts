/**
 * Long sleeps: the idle iterations of a far deadline are counted, not run.
 *
 * asyncio waits at most MAXIMUM_SELECT_TIMEOUT = 86400 s per loop iteration,
 * so a sleep of d seconds with nothing else to do is a run of idle iterations
 * (`now = now + 86400`, no handle) and then the iteration that lands on the
 * deadline. vloop keeps CPython's iteration numbers but computes that run in
 * constant time (loop/idleClock.ts; the float arithmetic is checked against
 * one-by-one stepping by properties/idleIterationsCountedEqualIdleIterationsRun).
 *
 * Every run here has a guard: an onIteration that fails after 1,000 calls and
 * a small step budget, so a regression that runs idle iterations one by one
 * fails in milliseconds instead of hanging the suite (a sleep(1e17) is 1.16e12
 * iterations; maxSteps alone would not stop it: idle iterations run no handle).
 *
 * Expected counts come from two places. CPython: the project's recorder,
 * `python3 scenarios/recorder/vclock_recorder.py --stats P.py`, on
 *     log("start"); await asyncio.sleep(D); log(...); await asyncio.sleep(1); log(...)
 * says "iterations 6" for D = 1 and "iterations 15" for D = 864000 (ten days:
 * nine idle iterations). Reasoning: from t = 0, an iteration is idle while
 * `d - t > 86400` after it starts; below 2^60 every clock value j * 86400 is a
 * multiple of 128 and so exact, so the idle iterations are j = 0 .. J with J
 * the largest j such that d - 86400 j > 86400, i.e. ceil(d / 86400) - 1 of
 * them when d is not a multiple of 86400 and d / 86400 - 1 when it is.
 */
import { describe, expect, test } from "vitest";
import { DeadlockError, Event, TimeoutError, createTask, getRunningLoop, run, runSync, sleep, waitFor } from "../index.js";
import type { EventLoop } from "../futures/eventLoop.js";
import type { LoopOptions } from "../run.js";
import { ReplayPolicy } from "../schedule/replay.js";
import { ArrayTracer, type TraceEvent } from "./trace.js";

interface Frame {
  iteration: number;
  time: number;
  skipped: number;
}

/** Options that make a regression fail fast, and keep what the observers saw. */
function guarded(extra: LoopOptions = {}): { options: LoopOptions; frames: Frame[]; loop: () => EventLoop } {
  const frames: Frame[] = [];
  let loop: EventLoop | undefined;
  const options: LoopOptions = {
    maxSteps: 10_000,
    ...extra,
    onLoop: (l) => (loop = l),
    onIteration: (l) => {
      const s = l.snapshot();
      frames.push({ iteration: s.iteration, time: s.time, skipped: s.skipped });
      if (frames.length > 1000) throw new Error(`guard: more than 1000 loop iterations observed (t=${l.time()}): idle iterations run one by one?`);
    },
  };
  return { options, frames, loop: () => loop as EventLoop };
}

/** log("start"); sleep(d); log(time); sleep(1); log(time), in one of the two styles. */
function sleeper(d: number) {
  const lines: string[] = [];
  const gen = function* () {
    lines.push(`${getRunningLoop().time()} start`);
    yield* sleep(d);
    lines.push(`${getRunningLoop().time()} awake`);
    yield* sleep(1);
    lines.push(`${getRunningLoop().time()} then`);
  };
  const asy = async () => {
    lines.push(`${getRunningLoop().time()} start`);
    await sleep(d);
    lines.push(`${getRunningLoop().time()} awake`);
    await sleep(1);
    lines.push(`${getRunningLoop().time()} then`);
  };
  return { lines, gen, asy };
}

/** Runs sleeper(d) in a style; its lines, the loop's final iteration count, the frames, and the wall time. */
async function runSleeper(d: number, style: "gen" | "async", extra: LoopOptions = {}) {
  const g = guarded(extra);
  const s = sleeper(d);
  const start = process.hrtime.bigint();
  if (style === "gen") runSync(s.gen, g.options);
  else await run(s.asy, g.options);
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  return { lines: s.lines, iterations: g.loop()._iteration, frames: g.frames, ms };
}

const styles = ["gen", "async"] as const;

describe.each(styles)("long sleeps finish at once (%s style)", (style) => {
  test("a ten-day sleep takes CPython's iteration count: 15 where sleep(1) takes 6", async () => {
    const short = await runSleeper(1, style);
    const tenDays = await runSleeper(864000, style);
    expect(short.iterations).toBe(6); // CPython recorder --stats: iterations 6
    expect(tenDays.iterations).toBe(15); // CPython recorder --stats: iterations 15
    expect(tenDays.lines).toEqual(["0 start", "864000 awake", "864001 then"]);
    // 864000 / 86400 = 10 exactly: idle iterations j = 0..8, the 10th lands on the deadline
    const jump = tenDays.frames.find((f) => f.skipped > 0);
    expect(jump).toEqual({ iteration: expect.any(Number), time: 9 * 86400, skipped: 8 });
    // one frame stands for the nine idle iterations; every other frame is as before
    expect(tenDays.frames.length).toBe(short.frames.length + 1);
  });

  test("sleep(1e17) wakes at exactly 1e17 after 1,157,407,407,407 idle iterations, in milliseconds", async () => {
    const short = await runSleeper(1, style);
    const long = await runSleeper(1e17, style);
    // 1e17 / 86400 = 1157407407407.407...: idle iterations j = 0 .. 1157407407406
    // (1e17 - 86400 j > 86400), the clock after them 1157407407407 * 86400 =
    // 99999999999964800 (exact: below 2^57, a multiple of 128), and the next
    // iteration waits the remaining 35200 s and lands on 1e17 itself.
    const idle = 1157407407407;
    expect(long.iterations).toBe(short.iterations + idle);
    expect(long.lines).toEqual(["0 start", "100000000000000000 awake", "100000000000000000 then"]);
    const jump = long.frames.find((f) => f.skipped > 0) as Frame;
    expect(jump.time).toBe(99999999999964800);
    expect(jump.time).toBe(idle * 86400);
    expect(jump.skipped).toBe(idle - 1);
    expect(long.ms).toBeLessThan(500);
  });

  test("sleep(1e19): past 2^60 the day rounds to the clock's ulp, and the sleep still lands on its deadline", async () => {
    const short = await runSleeper(1, style);
    const long = await runSleeper(1e19, style);
    expect(long.lines).toEqual(["0 start", "10000000000000000000 awake", "10000000000000000000 then"]);
    // Each idle iteration moves the clock by 86400 rounded to a multiple of
    // the ulp (86528 from 2^60, 86016 from 2^62: see idleClock.ts), so the
    // count lies between these bounds; the exact value is what repeated
    // additions give, which the idle-iterations law checks bit for bit.
    const idle = long.iterations - short.iterations;
    expect(idle).toBeGreaterThan(1e19 / 86528 - 1);
    expect(idle).toBeLessThan(1e19 / 86016);
    const jump = long.frames.find((f) => f.skipped > 0) as Frame;
    expect(1e19 - jump.time).toBeGreaterThan(0);
    expect(1e19 - jump.time).toBeLessThanOrEqual(86400);
    expect(long.ms).toBeLessThan(500);
  });

  test("sleep(Number.MAX_VALUE) is a DeadlockError naming the timer, its deadline and the rule, at once", async () => {
    const start = process.hrtime.bigint();
    const run_ = runSleeper(Number.MAX_VALUE, style);
    await expect(run_).rejects.toThrow(DeadlockError);
    await expect(run_).rejects.toThrow(
      /^deadlock at t=0 \(iteration 2\): nothing is ready, and the earliest timer, timer #1 \(wake sleep\(1\.7976931348623157e\+308\)\) due at t=1\.7976931348623157e\+308, can never fire: the loop waits at most 86400 s per iteration \(asyncio's MAXIMUM_SELECT_TIMEOUT\) and its idle iterations would take the iteration number past 9007199254740991 .*CPython would wait forever\.\nUnfinished tasks:\n {2}Task-1: waits on Future#1 \(sleep\(1\.7976931348623157e\+308\)\)$/s,
    );
    expect(Number(process.hrtime.bigint() - start) / 1e6).toBeLessThan(500);
  });
});

describe("CPython's iteration counts", () => {
  test.each(styles)("scenario 53 (ten days from t=0.1, then eighty) takes 97 iterations, as in CPython (%s style)", async (style) => {
    // python3 scenarios/recorder/vclock_recorder.py --stats scenarios/core/53_long_idle_waits.py: iterations 97
    const g = guarded({ onLog: () => {} });
    if (style === "gen") {
      const { main } = await import("../../scenarios/core/53_long_idle_waits.gen.js");
      runSync(main, g.options);
    } else {
      const { main } = await import("../../scenarios/core/53_long_idle_waits.async.js");
      await run(main, g.options);
    }
    expect(g.loop()._iteration).toBe(97);
    // two runs of idle iterations counted at once, nine and eighty (6912000.25 - 86400 j > 86400
    // for j = 0..79); the last of each run is the one observers see, `skipped` counts the others
    expect(g.frames.filter((f) => f.skipped > 0).map((f) => f.skipped)).toEqual([8, 79]);
  });
});

describe.each(styles)("sleep(Infinity) (%s style)", (style) => {
  test("with nothing else left to run is a DeadlockError, at once (CPython sleeps forever)", async () => {
    const start = process.hrtime.bigint();
    const run_ = runSleeper(Infinity, style);
    await expect(run_).rejects.toThrow(
      /^deadlock at t=0 \(iteration 2\): nothing is ready, and the earliest timer, timer #1 \(wake sleep\(Infinity\)\) due at t=Infinity, can never fire: .*CPython would wait forever\.\nUnfinished tasks:\n {2}Task-1: waits on Future#1 \(sleep\(Infinity\)\)$/s,
    );
    expect(Number(process.hrtime.bigint() - start) / 1e6).toBeLessThan(500);
  });
});

describe("waitFor with a far timeout", () => {
  test("waitFor(ev.wait(), 1e300) with nobody to set the event is a DeadlockError, in both styles", async () => {
    const g1 = guarded();
    expect(() =>
      runSync(function* () {
        yield* waitFor(new Event().wait(), 1e300);
      }, g1.options),
    ).toThrow(/timer #1 \(callback onTimeout\) due at t=1e\+300, can never fire.*\n {2}Task-1: waits on Event#1\.wait\(\)$/s);
    const g2 = guarded();
    await expect(run(async () => await waitFor(new Event().wait(), 1e300), g2.options)).rejects.toThrow(/due at t=1e\+300, can never fire/);
  });

  test("waitFor(ev.wait(), 1e17) times out at exactly 1e17; an event set at 5e16 wins, in both styles", async () => {
    const seen: string[] = [];
    runSync(function* () {
      try {
        yield* waitFor(new Event().wait(), 1e17);
      } catch (e) {
        seen.push(`${(e as Error).name} at ${getRunningLoop().time()}`);
      }
      const ev = new Event();
      createTask(function* () {
        yield* sleep(5e16);
        ev.set();
      }());
      seen.push(`${yield* waitFor(ev.wait(), 1e17)} at ${getRunningLoop().time()}`);
    }, guarded().options);
    await run(async () => {
      try {
        await waitFor(new Event().wait(), 1e17);
      } catch (e) {
        seen.push(`${e instanceof TimeoutError ? "TimeoutError" : String(e)} at ${getRunningLoop().time()}`);
      }
      const ev = new Event();
      createTask(async () => {
        await sleep(5e16);
        ev.set();
      });
      seen.push(`${await waitFor(ev.wait(), 1e17)} at ${getRunningLoop().time()}`);
    }, guarded().options);
    // 1e17 + 5e16 = 1.5e17 exactly (both multiples of 2^16, the sum below 2^58)
    const expected = ["TimeoutError at 100000000000000000", "true at 150000000000000000"];
    expect(seen).toEqual([...expected, ...expected]);
  });
});

describe("what observers see", () => {
  test("idle iterations emit no trace event: a ten-day sleep's trace is sleep(1)'s, with later times and iteration numbers", () => {
    const traceOf = (d: number): TraceEvent[] => {
      const tracer = new ArrayTracer();
      runSync(sleeper(d).gen, { ...guarded().options, tracer });
      return tracer.events;
    };
    // the two differ in the sleep's text ("sleep(1)") and the first timer's deadline
    const same = (e: TraceEvent) => JSON.stringify(e).replace(/sleep\((1|864000)\)/g, "sleep(D)").replace(/"when":(1|864000),/, "");
    const short = traceOf(1).map(same);
    const long = traceOf(864000).map(same);
    expect(long.length).toBe(short.length);
    // before the sleep's deadline: identical; from the iteration that lands on
    // it: 863999 s later (the deadline is 864000, not 1) and 9 iterations on
    const firstLate = short.findIndex((e) => JSON.parse(e).t >= 1);
    expect(firstLate).toBeGreaterThan(0);
    expect(long.slice(0, firstLate)).toEqual(short.slice(0, firstLate));
    const later = (e: string) => {
      const ev = JSON.parse(e) as TraceEvent;
      return JSON.stringify({ ...ev, t: ev.t + 863999, i: ev.i + 9, ...(ev.kind === "timer-set" ? { when: ev.when + 863999 } : {}) });
    };
    expect(long.slice(firstLate)).toEqual(short.slice(firstLate).map(later));
  });

  test("jitter: a late ten-day timer (864001) adds one idle iteration, an early one (863999) none", async () => {
    const byTape = async (tape: string) => runSleeper(864000, "gen", { strategy: new ReplayPolicy(tape), jitter: 1 });
    const onTime = await byTape("");
    const early = await byTape("0:1"); // decision 0 is the jitter of the sleep's timer
    const late = await byTape("0:2");
    // 863999: idle while 863999 - 86400 j > 86400, j = 0..8 (nine), like 864000;
    // 864001: j = 0..9 (ten), then the last second
    expect([onTime.iterations, early.iterations, late.iterations]).toEqual([15, 15, 16]);
    expect([onTime.lines[1], early.lines[1], late.lines[1]]).toEqual(["864000 awake", "863999 awake", "864001 awake"]);
  });
});
