/**
 * newEventLoop(): a loop driven by hand. Several of these are CPython's own
 * tests of the loop (Lib/test/test_asyncio/test_base_events.py and
 * test_events.py), said again in vloop's words; each names the test it
 * follows. The CPython programs of scenarios/loops/ check the printed lines.
 */
import { describe, expect, test } from "vitest";
import {
  DeadlockError,
  type EventLoop,
  RuntimeError,
  StepBudgetExceeded,
  UsageError,
  createTask,
  currentTask,
  gather,
  getRunningLoop,
  log,
  newEventLoop,
  run,
  sleep,
} from "../index.js";
import { ArrayTracer } from "../loop/trace.js";

/** test_utils.run_once: the loop.call_soon(loop.stop); loop.run_forever() idiom. */
function runOnce(loop: EventLoop): void {
  loop.callSoon(() => loop.stop());
  loop.runForeverSync();
}

/** test_utils.run_briefly: run_until_complete of a task that does nothing. */
function runBriefly(loop: EventLoop): void {
  loop.runUntilCompleteSync(function* () {});
}

describe("ported from CPython's test_base_events.py", () => {
  test("test_close: close() twice is fine; a closed loop refuses to run", () => {
    const loop = newEventLoop();
    expect(loop.isClosed()).toBe(false);
    loop.close();
    expect(loop.isClosed()).toBe(true);
    loop.close();
    loop.close();
    const f = loop.createFuture();
    expect(() => loop.runForeverSync()).toThrow(new RuntimeError("Event loop is closed"));
    expect(() => loop.runUntilCompleteSync(f)).toThrow(new RuntimeError("Event loop is closed"));
    expect(() => loop.runForever()).toThrow(new RuntimeError("Event loop is closed"));
  });

  test("test_run_until_complete_type_error: something not awaitable is a TypeError", () => {
    const loop = newEventLoop();
    expect(() => loop.runUntilCompleteSync("blah" as never)).toThrow(TypeError);
    expect(() => loop.runUntilComplete(42 as never)).toThrow(/a Future, a coroutine or an awaitable is required \(got 42\)/);
    loop.close();
  });

  test("test_run_until_complete_loop: a future of another loop is a ValueError", () => {
    const loop = newEventLoop();
    const other = newEventLoop();
    const fut = loop.createFuture();
    expect(() => other.runUntilCompleteSync(fut)).toThrow("The future belongs to a different loop than the one specified as the loop argument");
    loop.close();
    other.close();
  });

  test("test_run_once: call_soon(stop) then run_forever runs one iteration", () => {
    const loop = newEventLoop();
    let count = 0;
    loop.callSoon(() => count++);
    runOnce(loop);
    expect(count).toBe(1);
    loop.close();
  });

  test("test_run_forever_pre_stopped: stop() before run_forever runs one iteration, without waiting for timers", () => {
    const loop = newEventLoop();
    const calls: string[] = [];
    loop.callLater(1, () => calls.push("timer"));
    loop.stop();
    loop.runForeverSync();
    expect(calls).toEqual([]);
    expect(loop.time()).toBe(0);
    loop.close();
  });

  test("test_call_later_negative_delays: timers in the past fire in deadline order", () => {
    const loop = newEventLoop();
    const calls: string[] = [];
    loop.callLater(-1, (x: string) => calls.push(x), "a");
    loop.callLater(-2, (x: string) => calls.push(x), "b");
    runBriefly(loop);
    expect(calls).toEqual(["b", "a"]);
    loop.close();
  });

  test("test_run_until_complete_baseexception: a run ended by an error leaves no stop() behind", () => {
    // CPython's issue #22429: run_until_complete must not leave the future's
    // stop callback behind. Here a deadlock ends the first run; the future
    // completes in the next one, which must not stop then.
    const loop = newEventLoop();
    const fut = loop.createFuture<number>();
    expect(() => loop.runUntilCompleteSync(fut)).toThrow(DeadlockError);
    loop.callSoon(() => fut.setResult(1));
    loop.callLater(1, () => loop.stop());
    loop.runForeverSync();
    expect(loop.time()).toBe(1);
    loop.close();
  });

  test("test_run_forever_keyboard_interrupt: the task made for run_until_complete has its exception retrieved", async () => {
    const loop = newEventLoop();
    await expect(
      loop.runUntilComplete(async () => {
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    loop.close();
    expect(loop.unhandled).toEqual([]);
  });

  test("RunningLoopTests.test_running_loop_within_a_loop: another loop cannot run inside a running one", async () => {
    const inner = newEventLoop();
    const outer = newEventLoop();
    await expect(
      outer.runUntilComplete(async () => {
        await inner.runForever(); // called in the body's first (synchronous) part: exactly detectable
      }),
    ).rejects.toThrow(new RuntimeError("Cannot run the event loop while another loop is running"));
    expect(() =>
      outer.runUntilCompleteSync(function* () {
        yield* sleep(1);
        inner.runForeverSync();
      }),
    ).toThrow(new RuntimeError("Cannot run the event loop while another loop is running"));
    inner.close();
    outer.close();
  });
});

describe("ported from CPython's test_events.py", () => {
  test("test_run_until_complete_nesting: the running loop refuses run_until_complete", () => {
    const loop = newEventLoop();
    expect(() =>
      loop.runUntilCompleteSync(function* () {
        expect(loop.isRunning()).toBe(true);
        yield* sleep(0);
        loop.runUntilCompleteSync(sleep(0));
      }),
    ).toThrow(new RuntimeError("This event loop is already running"));
    loop.close();
  });

  test("test_run_until_complete: the clock moves by the sleep", async () => {
    const loop = newEventLoop();
    const t0 = loop.time();
    await loop.runUntilComplete(sleep(0.1));
    expect(loop.time() - t0).toBe(0.1);
    loop.close();
  });

  test("test_run_until_complete_stopped: stop() first is 'Event loop stopped before Future completed.'", async () => {
    const loop = newEventLoop();
    await expect(
      loop.runUntilComplete(async () => {
        loop.stop();
        await sleep(0.1);
      }),
    ).rejects.toThrow(new RuntimeError("Event loop stopped before Future completed."));
    loop.close();
  });

  test("test_call_later and test_call_soon: a callback stops run_forever", () => {
    const loop = newEventLoop();
    const results: unknown[] = [];
    loop.callLater(0.1, (arg: string) => {
      results.push(arg);
      loop.stop();
    }, "hello world");
    loop.runForeverSync();
    expect(results).toEqual(["hello world"]);
    expect(loop.time()).toBe(0.1);
    loop.callSoon((a: string, b: string) => {
      results.push([a, b]);
      loop.stop();
    }, "hello", "world");
    loop.runForeverSync();
    expect(results).toEqual(["hello world", ["hello", "world"]]);
    loop.close();
  });

  test("test_close_running_event_loop: a running loop cannot be closed", async () => {
    const loop = newEventLoop();
    await expect(loop.runUntilComplete(async () => loop.close())).rejects.toThrow(new RuntimeError("Cannot close a running event loop"));
    loop.close();
  });

  test("test_close: a closed loop refuses callbacks", () => {
    const loop = newEventLoop();
    loop.close();
    expect(() => loop.callSoon(() => undefined)).toThrow(new RuntimeError("Event loop is closed"));
    expect(() => loop.callLater(1, () => undefined)).toThrow(new RuntimeError("Event loop is closed"));
    expect(() => loop.createTask(function* () {})).toThrow(new RuntimeError("Event loop is closed"));
  });
});

describe("newEventLoop's own rules", () => {
  test("takes run()'s options: strategy, seed, tracer, onLog, maxSteps", async () => {
    const program = async () => {
      const work = async (i: number) => {
        await sleep(0);
        log("worker", i);
      };
      await gather(...[0, 1, 2, 3].map((i) => createTask(() => work(i))));
      return getRunningLoop().tape.length;
    };
    const lines: string[] = [];
    const tracer = new ArrayTracer();
    const loop = newEventLoop({ strategy: "random", seed: 5, tracer, onLog: (l) => lines.push(l) });
    await loop.runUntilComplete(program);
    const viaRun: string[] = [];
    const runTracer = new ArrayTracer();
    await run(program, { strategy: "random", seed: 5, tracer: runTracer, onLog: (l) => viaRun.push(l) });
    // the same decisions as run() with the same options (run() then shuts down; runUntilComplete does not)
    expect(lines).toEqual(viaRun);
    expect(tracer.events).toEqual(runTracer.events.slice(0, tracer.events.length));
    loop.close();

    const spinning = newEventLoop({ maxSteps: 100 });
    expect(() =>
      spinning.runUntilCompleteSync(function* () {
        for (;;) yield* sleep(0);
      }),
    ).toThrow(StepBudgetExceeded);
  });

  test("getRunningLoop() and currentTask() answer inside, and outside there is no running loop", () => {
    const loop = newEventLoop();
    const seen = loop.runUntilCompleteSync(function* () {
      yield* sleep(1);
      return [getRunningLoop() === loop, currentTask()?.getName()];
    });
    expect(seen).toEqual([true, "Task-1"]);
    expect(() => getRunningLoop()).toThrow(/no running event loop/);
    loop.close();
  });

  test("runUntilCompleteSync refuses an async function, as runSync does", () => {
    const loop = newEventLoop();
    expect(() => loop.runUntilCompleteSync(async () => 1)).toThrow(UsageError);
    loop.close();
  });

  test("a task whose exception nobody retrieved is reported at close()", () => {
    const loop = newEventLoop();
    loop.createTask(function* () {
      yield* sleep(0);
      throw new Error("lost");
    });
    loop.runUntilCompleteSync(sleep(1));
    expect(loop.unhandled).toEqual([]);
    loop.close();
    expect(loop.unhandled.map((c) => c.message)).toEqual(["Task exception was never retrieved (task Task-1)"]);
  });

  test("close() drops what is ready and the timers", () => {
    const loop = newEventLoop();
    let ran = false;
    loop.callSoon(() => (ran = true));
    loop.callLater(1, () => (ran = true));
    loop.close();
    expect(ran).toBe(false);
    expect(loop.snapshot()).toMatchObject({ ready: [], timers: [] });
  });

  test("an async body that awaits runUntilComplete after its first await fails with the watchdog's explanation", async () => {
    const inner = newEventLoop();
    const outer = run(async () => {
      await sleep(1);
      await inner.runUntilComplete(sleep(1));
    });
    await expect(outer).rejects.toThrow(/was started while task Task-1's body was running: runs take turns/);
    await new Promise((r) => setTimeout(r, 0));
    expect(inner.time()).toBe(1); // it ran once the outer run was over
    inner.close();
  });
});
