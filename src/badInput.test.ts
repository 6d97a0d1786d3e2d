/**
 * Bad input gets a clear error: which rule, what value, which task.
 * Never a hang, never a silently different order.
 */
import { describe, expect, test } from "vitest";
import { explore } from "./testing.js";
import {
  Barrier,
  BoundedSemaphore,
  CancelledError,
  Condition,
  DeadlockError,
  Event,
  Future,
  InvalidStateError,
  Lock,
  PriorityQueue,
  Queue,
  RuntimeError,
  Semaphore,
  StepBudgetExceeded,
  TaskGroup,
  UsageError,
  asCompleted,
  coroutine,
  createTask,
  currentTask,
  ensureFuture,
  gather,
  gatherAll,
  getRunningLoop,
  labelFuture,
  newEventLoop,
  run,
  runSync,
  shield,
  sleep,
  timeout,
  timeoutAt,
  wait,
  waitFor,
} from "./index.js";

describe("delays", () => {
  test.each([NaN, "1", undefined, null])("sleep(%s) names the rule and the value", (bad) => {
    expect(() => runSync(function* () {
      yield* sleep(bad as number);
    })).toThrow(/sleep: delay must be a number of seconds other than NaN \(got /);
  });

  test("callLater and callAt refuse NaN and non-numbers (Infinity is a time, as in CPython)", () => {
    runSync(function* () {
      const loop = getRunningLoop();
      expect(() => loop.callLater(NaN, () => {})).toThrow("callLater: delay must be a number other than NaN (got NaN)");
      expect(() => loop.callAt(NaN, () => {})).toThrow("callAt: when must be a number other than NaN (got NaN)");
      loop.callAt(Infinity, () => {}).cancel();
      expect(() => loop.callLater("2" as unknown as number, () => {})).toThrow('got string "2"');
      expect(() => loop.callSoon(42 as unknown as () => void)).toThrow("callSoon: callback must be a function (got number)");
    });
  });
});

describe("futures", () => {
  test("setResult on a done future is an InvalidStateError naming the state", () => {
    runSync(function* () {
      const fut = getRunningLoop().createFuture<number>();
      fut.setResult(1);
      expect(() => fut.setResult(2)).toThrow(InvalidStateError);
      expect(() => fut.setResult(2)).toThrow(/already FINISHED/);
      const cancelled = getRunningLoop().createFuture<number>();
      cancelled.cancel();
      expect(() => cancelled.setException(new Error("x"))).toThrow(/already CANCELLED/);
    });
  });

  test("result() of a pending future is an InvalidStateError", () => {
    runSync(function* () {
      expect(() => getRunningLoop().createFuture().result()).toThrow(/Result is not ready/);
    });
  });

  test("a task cannot be resolved from outside", () => {
    runSync(function* () {
      const t = createTask(function* () {}());
      expect(() => t.setResult(undefined)).toThrow(RuntimeError);
      yield* t;
    });
  });
});

describe("tasks", () => {
  test("a task awaiting itself gets RuntimeError thrown in, in both styles", async () => {
    const gen = runSync(function* () {
      const t: { task?: Future<unknown> } = {};
      t.task = createTask(function* () {
        yield* sleep(0);
        yield* t.task as Future<unknown>;
      }());
      try {
        yield* t.task;
      } catch (e) {
        return (e as Error).message;
      }
      return "no error";
    });
    expect(gen).toMatch(/Task cannot await on itself/);
    const asy = await run(async () => {
      let self: Future<unknown> | undefined;
      self = createTask(async () => {
        await sleep(0);
        await (self as Future<unknown>);
      });
      try {
        await self;
      } catch (e) {
        return (e as Error).message;
      }
      return "no error";
    });
    expect(asy).toMatch(/Task cannot await on itself/);
  });

  test("run() inside a running loop is a RuntimeError", async () => {
    const msg = await run(async () => {
      try {
        await run(async () => 1);
      } catch (e) {
        return (e as Error).message;
      }
      return "no error";
    });
    expect(msg).toBe("run() cannot be called from a running event loop");
    expect(() => runSync(function* () {
      runSync(function* () {});
    })).toThrow("runSync() cannot be called from a running event loop");
  });

  test("a future from another loop is refused with the task's name", async () => {
    let foreign: Future<number> | undefined;
    await run(async () => {
      foreign = getRunningLoop().createFuture<number>();
    });
    const msg = runSync(function* () {
      try {
        yield* foreign as Future<number>;
      } catch (e) {
        return (e as Error).message;
      }
      return "no error";
    });
    expect(msg).toMatch(/Task .*Task-1.* got Future .* attached to a different loop/);
  });

  test("an async task awaiting a promise vloop does not control fails with its name, not a hang", async () => {
    const p = run(async () => {
      const t = createTask(async () => {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }, { name: "sleeper" });
      await t;
    });
    await expect(p).rejects.toThrow(UsageError);
    await expect(p).rejects.toThrow(/task sleeper awaited a promise that vloop does not control/);
  });

  test("a started promise where a coroutine is expected says how to fix it", async () => {
    async function work(): Promise<number> {
      return 1;
    }
    await expect(run(async () => {
      createTask(work() as never);
    })).rejects.toThrow(/createTask\(\(\) => work\(x\)\) rather than createTask\(work\(x\)\)/);
    await expect(run(async () => {
      await gather(work() as never);
    })).rejects.toThrow(/got a Promise, which is already running/);
    expect(() => run(work() as never)).toThrow(/run\(\(\) => work\(x\)\)/);
  });

  test("an async body vloop refused leaves no unhandled rejection behind (which would end the process)", async () => {
    // Found by the fuzzer: the refused body runs on after the error, and its
    // next vloop await, with no task to drive it, rejects its promise.
    const stray: unknown[] = [];
    const onStray = (e: unknown) => stray.push(e);
    process.on("unhandledRejection", onStray);
    try {
      async function body(): Promise<number> {
        await sleep(0);
        await sleep(0);
        return 1;
      }
      // an async body given to waitFor inside a generator task
      const caught = await run(function* () {
        try {
          return yield* waitFor(() => body(), 1);
        } catch (e) {
          return (e as Error).message;
        }
      });
      expect(caught).toMatch(/is a generator-style coroutine but was given an async function body/);
      // started promises where a coroutine is expected
      await expect(run(async () => void createTask(body() as never))).rejects.toThrow(/already running/);
      await expect(run(async () => void (await gather(body() as never)))).rejects.toThrow(/already running/);
      // (here the started body's own first await is taken for the task's: named as misuse)
      await expect(run(async () => void (await waitFor(body() as never, 1)))).rejects.toThrow(/already running|already suspended/);
      expect(() => run(body() as never)).toThrow(/already running/);
      expect(() => runSync(body() as never)).toThrow(/already running/);
      await new Promise((resolve) => setImmediate(resolve)); // let the refused bodies run out
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      process.off("unhandledRejection", onStray);
    }
    expect(stray.map(String)).toEqual([]);
  });

  test("runSync refuses async functions and says to use run()", () => {
    expect(() => runSync((async () => 1) as never)).toThrow(/runSync drives generator coroutines only/);
  });

  test("Promise.all over vloop awaitables inside a task is named as misuse", async () => {
    await expect(run(async () => {
      await Promise.all([sleep(1), sleep(2)]);
    })).rejects.toThrow(/a task can await one thing at a time/);
  });

  test("a bare yield of a non-awaitable is thrown back into the generator", () => {
    const msg = runSync(function* () {
      try {
        yield 42;
      } catch (e) {
        return (e as Error).message;
      }
      return "no error";
    });
    expect(msg).toMatch(/Task got bad yield: 42/);
  });

  test("yield instead of yield* is named", () => {
    const msg = runSync(function* () {
      const fut = getRunningLoop().createFuture();
      getRunningLoop().callSoon(() => fut.setResult(1));
      try {
        yield fut;
      } catch (e) {
        return (e as Error).message;
      }
      return "no error";
    });
    expect(msg).toMatch(/yield was used instead of yield\*/);
  });
});

describe("deadlock and livelock", () => {
  test("DeadlockError names every unfinished task and what it waits on", async () => {
    const p = run(async () => {
      const never = getRunningLoop().createFuture();
      createTask(async () => {
        await never;
      }, { name: "waiter" });
      await sleep(1);
      await never;
    });
    await expect(p).rejects.toThrow(DeadlockError);
    // both wait on the one future, numbered when the report first names it
    await expect(p).rejects.toThrow(
      [
        "deadlock at t=1: no handle is ready and no timer is pending, so nothing can ever run again.",
        "Unfinished tasks:",
        "  Task-1: waits on Future#1",
        "  waiter: waits on Future#1",
      ].join("\n"),
    );
  });

  test("a livelock hits the step budget with a clear error", () => {
    expect(() => runSync(function* () {
      for (;;) yield* sleep(0);
    }, { maxSteps: 1000 })).toThrow(StepBudgetExceeded);
    expect(() => runSync(function* () {
      for (;;) yield* sleep(0);
    }, { maxSteps: 1000 })).toThrow(/step budget exceeded: ran 1000 handles/);
  });

  test("cancellation is not a VloopError, so a broad catch cannot swallow it", () => {
    expect(new CancelledError()).not.toBeInstanceOf(RuntimeError);
    expect(new CancelledError().name).toBe("CancelledError");
  });

  test("currentTask() outside a run is a RuntimeError", () => {
    expect(() => currentTask()).toThrow(/no running event loop/);
  });
});

describe("log", () => {
  test("a plain run prints log() lines through onLog, and only during the run", async () => {
    const { log } = await import("./index.js");
    const lines: string[] = [];
    await run(
      async () => {
        log("hello", [1, "a"]);
        await sleep(1.5);
        log("world");
      },
      { onLog: (line) => lines.push(line) },
    );
    log("after the run: goes nowhere");
    expect(lines).toEqual(["0 Task-1 hello [1, 'a']", "1.5 Task-1 world"]);
  });
});

describe("exceptions in callbacks", () => {
  test("never stop the loop; they reach the exception handler and loop.unhandled, in order", async () => {
    const seen: string[] = [];
    let unhandled: unknown[] = [];
    const result = await run(
      async () => {
        const loop = getRunningLoop();
        loop.callSoon(() => {
          throw new Error("first");
        });
        loop.callLater(1, () => {
          throw new Error("second");
        });
        await sleep(2);
        unhandled = loop.unhandled.map((c) => (c.exception as Error).message);
        return "main finished";
      },
      { onException: (_loop, ctx) => seen.push(`${ctx.message}: ${(ctx.exception as Error).message}`) },
    );
    expect(result).toBe("main finished");
    expect(seen).toEqual(["Exception in callback <anonymous>: first", "Exception in callback <anonymous>: second"]);
    expect(unhandled).toEqual(["first", "second"]);
  });

  test("setExceptionHandler takes a function or null", () => {
    runSync(function* () {
      const loop = getRunningLoop();
      expect(() => loop.setExceptionHandler(42 as never)).toThrow("setExceptionHandler: a function or null is required (got number)");
      const h = () => undefined;
      loop.setExceptionHandler(h);
      expect(loop.getExceptionHandler()).toBe(h);
      loop.setExceptionHandler(null);
      expect(loop.getExceptionHandler()).toBeNull();
    });
  });
});

describe("exceptions nobody retrieved", () => {
  test("a failed task whose exception nobody looked at is reported when the run ends", async () => {
    const seen: string[] = [];
    await run(
      async () => {
        createTask(async () => {
          throw new Error("lost");
        }, { name: "forgotten" });
        const awaited = createTask(async () => {
          throw new Error("seen");
        });
        try {
          await awaited;
        } catch {
          // retrieved: not reported
        }
        await sleep(1);
      },
      { onException: (_loop, ctx) => seen.push(`${ctx.message}: ${(ctx.exception as Error).message}`) },
    );
    expect(seen).toEqual(["Task exception was never retrieved (task forgotten): lost"]);
  });
});

describe("values the message builders used to choke on", () => {
  test("sleep(1n), sleep(Symbol()), sleep of an object without a prototype or with a throwing toString", () => {
    const messages = [1n, Symbol("s"), Object.create(null), { toString: () => { throw new Error("no"); } }].map((bad) => {
      try {
        sleep(bad as never);
      } catch (e) {
        return `${(e as Error).name}: ${(e as Error).message}`;
      }
      return "no error";
    });
    expect(messages).toEqual([
      "TypeError: sleep: delay must be a number of seconds other than NaN (got bigint 1n)",
      "TypeError: sleep: delay must be a number of seconds other than NaN (got symbol Symbol(s))",
      "TypeError: sleep: delay must be a number of seconds other than NaN (got {})",
      "TypeError: sleep: delay must be a number of seconds other than NaN (got {toString: <function toString>})",
    ]);
  });

  test("callLater, createTask and the strategy name take any value too", () => {
    runSync(function* () {
      const loop = getRunningLoop();
      expect(() => loop.callLater(Object.create(null), () => {})).toThrow("callLater: delay must be a number other than NaN (got {})");
      expect(() => createTask(Symbol("x") as never)).toThrow("createTask: a coroutine was expected, got Symbol(x)");
      expect(() => createTask(10n as never)).toThrow("createTask: a coroutine was expected, got 10n");
    });
    expect(() => runSync(function* () {}, { strategy: 5n as never })).toThrow("strategy must be one of cpython, fifo, random, pct or a SchedulingPolicy object (got 5n)");
  });
});

describe("outside a running loop", () => {
  // CPython 3.12's own tests (Lib/test/test_asyncio/test_tasks.py) expect
  //   RuntimeError matching 'no current event loop' from gather(), gather(coro), shield(coro),
  //   list(as_completed([coro])) and ensure_future(coro) (they use get_event_loop()), and
  //   'no running event loop' from current_task(); create_task, sleep, wait_for, timeout, Queue and
  //   Lock waits use get_running_loop() too ("RuntimeError: no running event loop").
  function* coro(): Generator<unknown, number, unknown> {
    return 1;
  }
  const message = (f: () => unknown): string => {
    try {
      f();
    } catch (e) {
      return `${(e as Error).name}: ${(e as Error).message}`;
    }
    return "no error";
  };
  const iterate = (aw: unknown) => () => (aw as Iterable<unknown>)[Symbol.iterator]().next();

  test("gather, shield, asCompleted, ensureFuture and Future() say asyncio's 'no current event loop', then how to fix it", () => {
    const hint = "There is no current event loop (call it from inside run() or runSync(); vloop makes no loop implicitly)";
    expect(message(() => gather())).toBe(`RuntimeError: gather(): ${hint}`);
    expect(message(() => gather(coro()))).toBe(`RuntimeError: gather: ${hint}`);
    expect(message(() => gather(() => sleep(1)))).toBe(`RuntimeError: gather: ${hint}`);
    expect(message(() => shield(coro()))).toBe(`RuntimeError: shield: ${hint}`);
    expect(message(() => [...asCompleted([coro()])])).toBe(`RuntimeError: asCompleted(): ${hint}`);
    expect(message(() => ensureFuture(coro()))).toBe(`RuntimeError: ensureFuture: ${hint}`);
    expect(message(() => new Future())).toBe(`RuntimeError: Future(): ${hint}`);
  });

  test("the functions asyncio runs on get_running_loop() say 'no running event loop'", () => {
    const expected = (what: string): string => `RuntimeError: ${what}: no running event loop (call it from inside run() or runSync())`;
    expect(message(() => createTask(coro()))).toBe(expected("createTask()"));
    expect(message(() => currentTask())).toBe(expected("currentTask()"));
    expect(message(() => getRunningLoop())).toBe(expected("getRunningLoop()"));
    expect(message(() => timeout(1))).toBe(expected("timeout()"));
    expect(message(iterate(sleep(1)))).toBe(expected("sleep()"));
    expect(message(iterate(waitFor(coro(), 1)))).toBe(expected("timeout()"));
    expect(message(iterate(new Queue<number>().get()))).toBe(expected("Queue"));
    expect(message(iterate(new Event().wait()))).toBe(expected("Event"));
    // as in CPython, what does not have to wait needs no loop
    expect(message(iterate(new Lock().acquire()))).toBe("no error");
    expect(message(() => new Queue<number>().putNowait(1))).toBe("no error");
  });
});

describe("a future completed after its loop closed", () => {
  // CPython 3.12 (both the C and the Python Future), after loop.close():
  //   fut.set_result(1) with a done callback   -> RuntimeError: Event loop is closed (fut.done() is True)
  //   fut.cancel() with a done callback        -> RuntimeError: Event loop is closed (fut.cancelled() is True)
  //   fut.set_result(1) / set_exception(e) with no callback -> no error
  //   add_done_callback on a done future       -> RuntimeError: Event loop is closed
  //   add_done_callback on a pending future    -> no error
  function leftOver(): Future<number>[] {
    return runSync(function* () {
      const loop = getRunningLoop();
      return [loop.createFuture<number>(), loop.createFuture<number>(), loop.createFuture<number>(), loop.createFuture<number>()];
    });
  }

  test("raises 'Event loop is closed' when it has callbacks to schedule, as asyncio does", () => {
    const [withCallback, plain, toCancel, failing] = leftOver();
    const seen: string[] = [];
    withCallback.addDoneCallback(() => seen.push("called"));
    toCancel.addDoneCallback(() => seen.push("called"));
    expect(() => withCallback.setResult(1)).toThrow(RuntimeError);
    expect(() => withCallback.setResult(1)).toThrow(InvalidStateError); // it is done all the same
    expect(withCallback.result()).toBe(1);
    expect(() => toCancel.cancel()).toThrow("Event loop is closed");
    expect(toCancel.cancelled()).toBe(true);
    expect(seen).toEqual([]);
    plain.setResult(2); // nothing to schedule: no error
    failing.setException(new Error("x"));
    expect(() => plain.addDoneCallback(() => undefined)).toThrow("Event loop is closed");
    expect(() => leftOver()[0].addDoneCallback(() => undefined)).not.toThrow();
  });
});

describe("awaiting, outside any run, a future whose run is over", () => {
  test("rejects with 'Event loop is closed' instead of a promise that never settles (the process would end with status 0)", async () => {
    const [fut] = runSync(function* () {
      return [getRunningLoop().createFuture<number>()];
    });
    const outcome = await Promise.race([
      (async () => {
        try {
          await fut;
          return "resolved";
        } catch (e) {
          return String(e);
        }
      })(),
      new Promise<string>((resolve) => setImmediate(() => resolve("never settles"))),
    ]);
    expect(outcome).toMatch(/^RuntimeError: Event loop is closed: <Future#\d+ pending> is pending and its loop can no longer complete it/);
  });
});

describe("loop options are checked where they enter", () => {
  const main = function* (): Generator<unknown, string, unknown> {
    yield* sleep(1);
    return "ran";
  };
  const error = (options: unknown): string => {
    try {
      runSync(main, options as never);
    } catch (e) {
      return `${(e as Error).name}: ${(e as Error).message}`;
    }
    return "no error";
  };

  test("maxSteps: a whole number >= 1, or Infinity", () => {
    expect(error({ maxSteps: NaN })).toBe("ValueError: maxSteps must be a whole number of handles >= 1, or Infinity for no budget (got NaN)");
    expect(error({ maxSteps: -1 })).toBe("ValueError: maxSteps must be a whole number of handles >= 1, or Infinity for no budget (got -1)");
    expect(error({ maxSteps: 0 })).toMatch(/^ValueError: maxSteps .*\(got 0\)$/);
    expect(error({ maxSteps: 2.5 })).toMatch(/^ValueError: maxSteps .*\(got 2.5\)$/);
    expect(error({ maxSteps: "100" })).toBe('TypeError: maxSteps must be a number (got string "100")');
    expect(error({ maxSteps: Infinity })).toBe("no error");
    expect(error({ maxSteps: 100 })).toBe("no error");
  });

  test("strategy: a name or a whole SchedulingPolicy", () => {
    expect(error({ strategy: {} })).toBe(
      "TypeError: strategy: a SchedulingPolicy object needs name (a string), fifoTimers and chooses (booleans) and choose(n, point) (a function); {} has no proper name, fifoTimers, chooses, choose",
    );
    expect(error({ strategy: { name: "mine", fifoTimers: false, chooses: true } })).toMatch(/has no proper choose$/);
    expect(error({ strategy: null })).toMatch(/^TypeError: strategy must be one of cpython, fifo, random, pct or a SchedulingPolicy object \(got null\)$/);
    expect(error({ strategy: 42 })).toMatch(/\(got 42\)$/);
    expect(error({ strategy: "bogus" })).toMatch(/^UsageError: unknown strategy "bogus"/);
    expect(error({ strategy: { name: "mine", fifoTimers: true, chooses: false, choose: () => 0 } })).toBe("no error");
  });

  test("a policy's choice that is not an alternative is named with its type (a symbol broke the message itself)", () => {
    const choosing = (k: unknown) => ({ name: "mine", fifoTimers: false, chooses: true, choose: () => k as number });
    const twoReady = (k: unknown): string => {
      try {
        runSync(function* () {
          yield* gather(sleep(0), sleep(0));
        }, { strategy: choosing(k), maxSteps: 100 });
      } catch (e) {
        return `${(e as Error).name}: ${(e as Error).message}`;
      }
      return "no error";
    };
    expect(twoReady("1")).toBe('UsageError: strategy mine: choose(2) returned string "1"; expected an integer in [0, 1]');
    expect(twoReady(Symbol("k"))).toBe("UsageError: strategy mine: choose(2) returned symbol Symbol(k); expected an integer in [0, 1]");
    expect(twoReady(1)).toBe("no error");
  });

  test("seed, jitter, the hooks, tracer, recordChoices and the options object itself", () => {
    expect(error({ seed: NaN })).toBe("TypeError: runSync: seed must be a string or a finite number (got NaN)");
    expect(error({ seed: {} })).toBe("TypeError: runSync: seed must be a string or a finite number (got {})");
    expect(error({ seed: "abc", strategy: "random" })).toBe("no error");
    expect(error({ jitter: -1, strategy: "random" })).toBe("TypeError: jitter must be a finite number of seconds >= 0 (got -1)");
    expect(error({ jitter: NaN })).toBe("TypeError: jitter must be a finite number of seconds >= 0 (got NaN)");
    expect(error({ onLoop: 42 })).toBe("TypeError: runSync: onLoop must be a function (got 42)");
    expect(error({ onIteration: "x" })).toBe('TypeError: runSync: onIteration must be a function (got "x")');
    expect(error({ onLog: {} })).toBe("TypeError: runSync: onLog must be a function (got {})");
    expect(error({ onException: true })).toBe("TypeError: runSync: onException must be a function (got true)");
    expect(error({ tracer: {} })).toBe("TypeError: runSync: tracer must be an object with an emit(event) method (got {})");
    expect(error({ recordChoices: "yes" })).toBe('TypeError: runSync: recordChoices must be a boolean (got "yes")');
    expect(error(42)).toBe("TypeError: runSync: options must be an object (LoopOptions) or omitted (got 42)");
    expect(error({ tracer: null, onLoop: undefined })).toBe("no error");
  });

  test("run() checks them at the call, before any loop exists", () => {
    expect(() => run(async () => 1, { maxSteps: NaN })).toThrow(/maxSteps must be a whole number/);
    expect(() => run(async () => 1, { strategy: {} as never })).toThrow(/SchedulingPolicy object needs/);
  });
});

describe("arguments that used to fail inside vloop, with JavaScript's words", () => {
  test("Future(loop) takes an event loop or nothing: a number made a future that wedged its task into a contradictory deadlock", () => {
    runSync(function* () {
      for (const bad of [5, null, "loop", Symbol("l"), {}, [1]]) {
        expect(() => new Future(bad as never)).toThrow(/^Future: loop must be an event loop \(getRunningLoop\(\), newEventLoop\(\)\) or omitted \(got /);
      }
      expect(new Future(getRunningLoop()).getLoop()).toBe(getRunningLoop());
    }, { maxSteps: 100 });
  });

  test("labelFuture takes a future", () => {
    for (const bad of [5, "f", undefined, {}]) expect(() => labelFuture(bad as never, "x")).toThrow(/^labelFuture: a Future is required \(got /);
  });

  test("coroutine(undefined) names the rule instead of reading .name of undefined", () => {
    expect(() => coroutine(undefined as never)).toThrow(/^coroutine: a generator function \(function\*\) is required \(got undefined\)/);
    expect(() => coroutine(null as never)).toThrow(/is required \(got null\)/);
  });

  test("a task's name is str(name); an object with no string form is named, not 'Cannot convert object to primitive value'", () => {
    runSync(function* () {
      const bare = Object.create(null) as object;
      expect(() => createTask((function* () {})(), { name: bare as never })).toThrow(/^createTask: a task's name must be convertible to a string \(got /);
      expect(() => currentTask()!.setName(bare as never)).toThrow(/^setName: a task's name must be convertible to a string/);
      currentTask()!.setName(12 as never);
      expect(currentTask()!.getName()).toBe("12"); // as CPython: task.set_name(12); task.get_name() == '12'
    }, { maxSteps: 100 });
  });

  test("asCompleted refuses a future of another loop with CPython's ValueError (it used to time out, or wait forever)", () => {
    // CPython 3.12: as_completed([other_loop.create_future()], timeout=1) -> ValueError: The future belongs to a
    // different loop than the one specified as the loop argument (its ensure_future(f, loop=loop))
    const seen = runSync(function* () {
      const other = newEventLoop();
      try {
        for (const next of asCompleted([other.createFuture()], { timeout: 1 })) yield* next;
        return "no error";
      } catch (e) {
        return String(e);
      } finally {
        other.close();
      }
    }, { maxSteps: 100 });
    expect(seen).toBe("ValueError: The future belongs to a different loop than the one specified as the loop argument");
  });

  test("wait's and asCompleted's options must be an object; asCompleted names its own timeout", () => {
    const outcome = (body: () => Iterable<unknown>) =>
      runSync(function* () {
        try {
          yield* body();
          return "no error";
        } catch (e) {
          return String(e);
        }
      }, { maxSteps: 100 });
    const fut = () => ensureFuture(sleep(0));
    expect(outcome(() => wait([fut()], null as never))).toMatch(/^TypeError: wait: options must be an object like \{ timeout: 5, returnWhen: FIRST_COMPLETED \} \(got null\)$/);
    expect(outcome(function* () {
      for (const next of asCompleted([fut()], null as never)) yield* next;
    })).toMatch(/^TypeError: asCompleted: options must be an object like \{ timeout: 5 \} \(got null\)$/);
    expect(outcome(function* () {
      for (const next of asCompleted([fut()], { timeout: "1" as never })) yield* next;
    })).toMatch(/^TypeError: asCompleted: timeout must be a number other than NaN, or null \(got string "1"\)$/);
  });
});

/**
 * JavaScript drops an argument a function does not declare, and an object's
 * keys nobody reads, without a word; asyncio raises TypeError for both. Each
 * case below was accepted silently before (checked by running it: a timeout
 * given to Event.wait() waited for ever, createTask(body, "w") named the task
 * Task-2, wait(..., { timout }) had no timeout).
 */
describe("arguments a function does not take, and options it does not have", () => {
  /** What calling `f` inside a running task throws: "TypeError: ...", or "no error". */
  const thrown = (f: () => unknown): string =>
    runSync(function* () {
      yield* sleep(0);
      try {
        f();
        return "no error";
      } catch (e) {
        return String(e);
      }
    }, { maxSteps: 1000 });
  const any = <F>(f: F) => f as unknown as (...args: unknown[]) => unknown;

  test("a timeout given to a method that waits: TypeError saying asyncio's has none, and how to put one on it", () => {
    const cases: [string, () => unknown, string][] = [
      ["Event.wait()", () => any(new Event().wait).call(new Event(), 5), "waitFor(event.wait(), seconds)"],
      ["Lock.acquire()", () => { const l = new Lock(); return any(l.acquire).call(l, 5); }, "waitFor(lock.acquire(), seconds)"],
      ["Semaphore.acquire()", () => { const x = new Semaphore(); return any(x.acquire).call(x, 5); }, "waitFor(semaphore.acquire(), seconds)"],
      ["Condition.wait()", () => { const c = new Condition(); return any(c.wait).call(c, 5); }, "waitFor(condition.wait(), seconds)"],
      ["Barrier.wait()", () => { const b = new Barrier(2); return any(b.wait).call(b, 5); }, "waitFor(barrier.wait(), seconds)"],
      ["Queue.get()", () => { const q = new Queue(); return any(q.get).call(q, 5); }, "waitFor(queue.get(), seconds)"],
      ["Queue.join()", () => { const q = new Queue(); return any(q.join).call(q, 5); }, "waitFor(queue.join(), seconds)"],
    ];
    for (const [what, call, hint] of cases) {
      const message = thrown(call);
      expect(message).toContain(`TypeError: ${what} takes no arguments (got an extra argument: 5); asyncio's ${what} has no timeout: for one, ${hint}`);
    }
    expect(thrown(() => { const q = new Queue(); return any(q.put).call(q, "item", 5); })).toBe(
      "TypeError: Queue.put() takes one argument, the item (got an extra argument: 5); " +
        "asyncio's Queue.put(item) has no timeout: for one, waitFor(queue.put(item), seconds) or asyncWith(timeout(seconds), ...)",
    );
    expect(thrown(() => { const c = new Condition(); return any(c.waitFor).call(c, () => true, 5); })).toMatch(
      /^TypeError: Condition\.waitFor\(\) takes one argument, the predicate \(got an extra argument: 5\); asyncio's Condition\.waitFor\(predicate\) has no timeout/,
    );
  });

  test("a body given to timeout(), timeoutAt() or new TaskGroup(): they are async context managers", () => {
    const body = async () => {};
    expect(thrown(() => any(timeout)(1, body))).toBe(
      "TypeError: timeout() takes one argument, the delay (got an extra argument: <async function body>); " +
        "a Timeout is an async context manager: run the body in it with asyncWith(timeout(1), body)",
    );
    expect(thrown(() => any(timeoutAt)(1, body))).toMatch(/^TypeError: timeoutAt\(\) takes one argument, the deadline \(got an extra argument: <async function body>\)/);
    expect(thrown(() => new (TaskGroup as unknown as new (b: unknown) => TaskGroup)(body))).toMatch(
      /^TypeError: TaskGroup\(\) takes no arguments \(got an extra argument: <async function body>\); a TaskGroup is an async context manager: asyncWith\(new TaskGroup\(\)/,
    );
    expect(thrown(() => new (Barrier as unknown as new (n: number, a: unknown) => Barrier)(2, body))).toMatch(
      /^TypeError: Barrier\(\) takes one argument, the number of parties \(got an extra argument: <async function body>\); asyncio's Barrier has no action and no timeout$/,
    );
  });

  test("one argument too many for sleep, shield, waitFor, createTask, wait, asCompleted, gatherAll", () => {
    expect(thrown(() => any(sleep)(1, "r", 2))).toBe("TypeError: sleep() takes two arguments, the delay and the result (got an extra argument: 2)");
    expect(thrown(() => any(shield)(sleep(0), 1))).toBe("TypeError: shield() takes one argument, the awaitable (got an extra argument: 1)");
    expect(thrown(() => any(waitFor)(sleep(0), 1, 2))).toBe("TypeError: waitFor() takes two arguments, the awaitable and the timeout (got an extra argument: 2)");
    expect(thrown(() => any(createTask)(sleep(0), {}, 3))).toBe("TypeError: createTask() takes two arguments, the coroutine and its options (got an extra argument: 3)");
    expect(thrown(() => any(wait)([ensureFuture(sleep(0))], {}, 3))).toBe("TypeError: wait() takes two arguments, the futures and the options (got an extra argument: 3)");
    expect(thrown(() => any(asCompleted)([ensureFuture(sleep(0))], {}, 3))).toBe("TypeError: asCompleted() takes two arguments, the awaitables and the options (got an extra argument: 3)");
    expect(thrown(() => any(gatherAll)([sleep(0)], {}, 3))).toBe("TypeError: gatherAll() takes two arguments, the awaitables and the options (got an extra argument: 3)");
    // an explicit undefined is what leaving the argument out is: nothing is lost
    expect(thrown(() => any(sleep)(0, "r", undefined))).toBe("no error");
  });

  test("constructors: Lock(), Event(), Semaphore(value), Condition(lock), Queue(maxsize) and their kin", () => {
    const make = (C: unknown, ...args: unknown[]) => () => new (C as new (...a: unknown[]) => unknown)(...args);
    expect(thrown(make(Lock, 1))).toBe("TypeError: Lock() takes no arguments (got an extra argument: 1)");
    expect(thrown(make(Event, 1))).toBe("TypeError: Event() takes no arguments (got an extra argument: 1)");
    expect(thrown(make(Semaphore, 2, 1))).toBe("TypeError: Semaphore() takes one argument, the initial value (got an extra argument: 1)");
    expect(thrown(make(BoundedSemaphore, 2, 1))).toBe("TypeError: BoundedSemaphore() takes one argument, the initial value (got an extra argument: 1)");
    expect(thrown(make(Condition, undefined, 1))).toBe("TypeError: Condition() takes one argument, the lock (got an extra argument: 1)");
    expect(thrown(make(Queue, 2, 1))).toBe("TypeError: Queue() takes one argument, maxsize (got an extra argument: 1)");
    expect(thrown(make(PriorityQueue, 2, 1))).toBe("TypeError: PriorityQueue() takes one argument, maxsize (got an extra argument: 1)");
    expect(thrown(make(Queue, 2))).toBe("no error");
  });

  test("createTask's options: an object with a name, not a bare string (the task was silently named Task-<n>)", () => {
    expect(thrown(() => any(createTask)(sleep(0), "worker"))).toBe('TypeError: createTask: options must be an object like { name: "worker" } or omitted (got string "worker")');
    expect(thrown(() => any(createTask)(sleep(0), { nmae: "w" }))).toBe('TypeError: createTask: unknown option "nmae" (the options are name)');
    expect(thrown(() => getRunningLoop().createTask(sleep(0), { nmae: "w" } as never))).toBe('TypeError: createTask: unknown option "nmae" (the options are name)');
    // TaskGroup.createTask checks them before its own state (a Python call binds its arguments first)
    expect(thrown(() => new TaskGroup().createTask(sleep(0), "w" as never))).toMatch(/^TypeError: TaskGroup\.createTask: options must be an object like \{ name: "worker" \}/);
  });

  test("a misspelt option is named with the ones there are: wait, asCompleted, gather, gatherAll", () => {
    const fut = () => ensureFuture(sleep(0));
    expect(thrown(() => wait([fut()], { timout: 1 } as never))).toBe('TypeError: wait: unknown option "timout" (the options are timeout, returnWhen)');
    expect(thrown(() => asCompleted([fut()], { timeOut: 1 } as never))).toBe('TypeError: asCompleted: unknown option "timeOut" (the options are timeout)');
    expect(thrown(() => gather(sleep(0), { returnExeptions: true } as never))).toBe('TypeError: gather: unknown option "returnExeptions" (the options are returnExceptions)');
    expect(thrown(() => gatherAll([sleep(0)], { return_exceptions: true } as never))).toBe('TypeError: gatherAll: unknown option "return_exceptions" (the options are returnExceptions)');
  });

  test("run, runSync, newEventLoop and explore name a misspelt option instead of running without it", async () => {
    function* main(): Generator<unknown, number, unknown> {
      yield* sleep(0);
      return 1;
    }
    expect(() => runSync(main, { stratgy: "random" } as never)).toThrow(
      'runSync: unknown option "stratgy" (the options are seed, strategy, maxSteps, tracer, recordChoices, jitter, faultScale, onLoop, onIteration, onLog, onException)',
    );
    expect(() => run(main, { seeed: 3 } as never)).toThrow('run: unknown option "seeed"'); // at the call, as its other checks
    expect(() => newEventLoop({ maxstep: 3 } as never)).toThrow('newEventLoop: unknown option "maxstep"');
    await expect(explore(main, { run: 10 } as never)).rejects.toThrow(
      'explore: unknown option "run" (the options are strategy, runs, from, seed, depth, maxDeviations, maxSteps, jitter, selfCheck, shrink, shard, swarm, onRun, onProgress)',
    );
    expect(runSync(main, { strategy: "random", seed: 1 })).toBe(1);
  });
});
