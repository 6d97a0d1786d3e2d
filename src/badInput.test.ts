/**
 * Bad input gets a clear error: which rule, what value, which task.
 * Never a hang, never a silently different order.
 */
import { describe, expect, test } from "vitest";
import {
  CancelledError,
  DeadlockError,
  Future,
  InvalidStateError,
  RuntimeError,
  StepBudgetExceeded,
  UsageError,
  createTask,
  currentTask,
  gather,
  getRunningLoop,
  run,
  runSync,
  sleep,
  waitFor,
} from "./index.js";

describe("delays", () => {
  test.each([NaN, Infinity, -Infinity, "1", undefined, null])("sleep(%s) names the rule and the value", (bad) => {
    expect(() => runSync(function* () {
      yield* sleep(bad as number);
    })).toThrow(/sleep: delay must be a finite number of seconds \(got /);
  });

  test("callLater and callAt refuse non-finite times", () => {
    runSync(function* () {
      const loop = getRunningLoop();
      expect(() => loop.callLater(NaN, () => {})).toThrow("callLater: delay must be a finite number (got NaN)");
      expect(() => loop.callAt(Infinity, () => {})).toThrow("callAt: when must be a finite number (got Infinity)");
      expect(() => loop.callLater("2" as unknown as number, () => {})).toThrow(/got string 2/);
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
