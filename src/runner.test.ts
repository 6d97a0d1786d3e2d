/**
 * Runner (asyncio.Runner) and the end of asyncio.run: what scenarios/loops/09_runner
 * (recorded from CPython) does not show: bad input, calls from a running loop, the
 * options reaching the loop, and run()'s own report of a task that raised during
 * its shutdown.
 */
import { describe, expect, test } from "vitest";
import { CancelledError, Runner, RuntimeError, ValueError, createTask, getRunningLoop, run, runSync, sleep } from "./index.js";
import type { ExceptionContext } from "./loop/baseEventLoop.js";

function* stubborn() {
  try {
    yield* sleep(10);
  } catch (e) {
    if (e instanceof CancelledError) throw new Error("refused to be cancelled");
    throw e;
  }
}

describe("run()'s shutdown", () => {
  test("a task that raises instead of letting the cancellation out is reported, as asyncio.run reports it", async () => {
    const seen: ExceptionContext[] = [];
    await run(
      async () => {
        createTask(stubborn(), { name: "stubborn" });
        await sleep(0);
      },
      { onException: (_loop, context) => seen.push(context) },
    );
    expect(seen.map((c) => [c.message, (c.exception as Error).message, c.task?.getName()])).toEqual([
      ["unhandled exception during asyncio.run() shutdown", "refused to be cancelled", "stubborn"],
    ]);
  });

  test("runSync reports it too; a task that lets the cancellation out is not reported", () => {
    const seen: string[] = [];
    runSync(
      function* () {
        createTask(stubborn());
        createTask(sleep(10));
        yield* sleep(0);
      },
      { onException: (_loop, context) => seen.push(`${context.message} (${context.task?.getName()})`) },
    );
    expect(seen).toEqual(["unhandled exception during asyncio.run() shutdown (Task-2)"]);
  });
});

describe("Runner", () => {
  test("the loop options reach the runner's loop, made at its first use", () => {
    const made: unknown[] = [];
    const runner = new Runner({ seed: 7, strategy: "random", onLoop: (loop) => made.push(loop) });
    expect(made).toEqual([]);
    const loop = runner.getLoop();
    expect(made).toEqual([loop]);
    expect(runner.runSync(function* () {
      yield* sleep(1);
      return getRunningLoop() === loop;
    })).toBe(true);
    runner.closeSync();
    expect(loop.isClosed()).toBe(true);
  });

  test("bad input is refused where it enters: options, arguments, something not a coroutine", () => {
    expect(() => new Runner({ strateg: "random" } as never)).toThrow(/^Runner: unknown option "strateg"/);
    expect(() => new (Runner as unknown as new (...a: unknown[]) => Runner)({}, 1)).toThrow(/^Runner\(\) takes one argument, the loop options \(got an extra argument: 1\)/);
    const runner = new Runner();
    expect(() => runner.runSync(42 as never)).toThrow(ValueError);
    expect(() => runner.run(Promise.resolve(1) as never)).toThrow(ValueError);
    runner.closeSync();
  });

  test("run, runSync, close and closeSync from a running loop are RuntimeErrors; after close, everything but close is", async () => {
    const runner = new Runner();
    const errors = runSync(function* () {
      const out: string[] = [];
      const nap = function* () {
        yield* sleep(0);
      };
      for (const call of [() => runner.runSync(nap), () => runner.run(nap), () => runner.closeSync(), () => runner.close()]) {
        try {
          call();
        } catch (e) {
          out.push(`${(e as Error).constructor.name}: ${(e as Error).message}`);
        }
      }
      yield* sleep(0);
      return out;
    });
    expect(errors).toEqual([
      "RuntimeError: Runner.runSync() cannot be called from a running event loop",
      "RuntimeError: Runner.run() cannot be called from a running event loop",
      "RuntimeError: Runner.closeSync() cannot be called from a running event loop",
      "RuntimeError: Runner.close() cannot be called from a running event loop",
    ]);
    expect(await runner.run(async () => 5)).toBe(5);
    await runner.close();
    await runner.close(); // again: nothing
    expect(() => runner.getLoop()).toThrow(new RuntimeError("Runner is closed"));
    expect(() => runner.runSync(function* () {})).toThrow(new RuntimeError("Runner is closed"));
  });

  test("closing a runner that has no loop yet makes none and leaves it usable, as asyncio's Runner", () => {
    const made: unknown[] = [];
    const runner = new Runner({ onLoop: (loop) => made.push(loop) });
    runner.closeSync();
    expect(made).toEqual([]);
    expect(runner.runSync(function* () {
      yield* sleep(1);
      return 3;
    })).toBe(3);
    runner.closeSync();
    expect(() => runner.getLoop()).toThrow(new RuntimeError("Runner is closed"));
  });
});
