/**
 * Eager tasks (asyncio.eager_task_factory, Python 3.12): what the conformance
 * scenarios (scenarios/core/55-57) cannot show because CPython has no
 * counterpart: the refusal of async function bodies, the factory's bad
 * input, factories of one's own, a factory set before the loop runs, and the
 * trace of an eager step. CPython's order itself is pinned by those scenarios.
 */
import { describe, expect, test } from "vitest";
import {
  type CoroutineInput,
  type EventLoop,
  Task,
  UsageError,
  createTask,
  currentTask,
  eagerTaskFactory,
  gather,
  getRunningLoop,
  newEventLoop,
  run,
  runSync,
  sleep,
} from "../index.js";
import { ArrayTracer } from "../loop/trace.js";

function* quick(out: string[], n: number) {
  out.push(`quick ${n} in ${currentTask()!.getName()}`);
  return n;
}

describe("eager tasks", () => {
  test("an async function body under eagerTaskFactory stops the run with a UsageError that says what to write", async () => {
    const seen: string[] = [];
    async function worker() {
      seen.push("body started"); // runs: the thunk is called before its kind is known
      await sleep(1);
      seen.push("never");
    }
    const err = await run(async () => {
      getRunningLoop().setTaskFactory(eagerTaskFactory);
      try {
        createTask(() => worker());
      } catch (e) {
        seen.push(`createTask threw ${(e as Error).name}`);
      }
      await sleep(5);
      seen.push("main went on");
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UsageError);
    expect((err as Error).message).toMatch(/^task Task-2 cannot start eagerly: its coroutine is an async function, and the loop's task factory is eagerTaskFactory\./);
    expect((err as Error).message).toContain("Give eager tasks generator coroutines (function*), from either style");
    expect(seen).toEqual(["body started", "createTask threw UsageError"]);
  });

  test("generator tasks start eagerly from an async-style task, and gather counts the ones already done", async () => {
    const out: string[] = [];
    const r = await run(async () => {
      getRunningLoop().setTaskFactory(eagerTaskFactory);
      const t = createTask(quick(out, 1));
      out.push(`t done ${t.done()}`);
      const iteration = getRunningLoop()._iteration;
      const all = await gather(quick(out, 2), quick(out, 3));
      // every child was done inside gather: the outer future was done before the await, which did not suspend
      out.push(`same iteration ${getRunningLoop()._iteration === iteration}`);
      return all;
    });
    expect(r).toEqual([2, 3]);
    expect(out).toEqual(["quick 1 in Task-2", "t done true", "quick 2 in Task-3", "quick 3 in Task-4", "same iteration true"]);
  });

  test("setTaskFactory takes a function or null, and one argument", () => {
    const loop = newEventLoop();
    expect(() => loop.setTaskFactory("eager" as never)).toThrow(
      new TypeError(`setTaskFactory: a task factory must be a function (loop, coro) => Task, or null (got string "eager")`),
    );
    expect(() => loop.setTaskFactory(undefined as never)).toThrow(/a task factory must be a function \(loop, coro\) => Task, or null \(got undefined\)/);
    expect(() => (loop.setTaskFactory as (...a: unknown[]) => void)(eagerTaskFactory, true)).toThrow(/^setTaskFactory\(\) takes one argument, a task factory or null \(got an extra argument: boolean true\)/);
    expect(loop.getTaskFactory()).toBe(null);
    loop.setTaskFactory(eagerTaskFactory);
    expect(loop.getTaskFactory()).toBe(eagerTaskFactory);
    loop.setTaskFactory(null);
    expect(loop.getTaskFactory()).toBe(null);
    loop.close();
  });

  test("eagerTaskFactory called by hand checks its arguments", () => {
    expect(() => eagerTaskFactory("loop" as never, quick([], 1))).toThrow(
      new TypeError(`eagerTaskFactory: the first argument must be the loop, as loop.createTask passes it (got "loop")`),
    );
    const loop = newEventLoop();
    expect(() => eagerTaskFactory(loop, 42 as never)).toThrow(TypeError);
    loop.close();
  });

  test("a factory that returns something other than a Task of the loop is a TypeError from createTask", () => {
    expect(() =>
      runSync(function* () {
        getRunningLoop().setTaskFactory(function notAFactory() {
          return { done: () => false } as never;
        });
        createTask(quick([], 1));
      }),
    ).toThrow(/^createTask: the loop's task factory notAFactory returned .*; a task factory must return a Task of this loop, as eagerTaskFactory\(loop, coro\) does$/);
  });

  test("a factory of one's own gets (loop, coro), and a given name is set after it returns, as base_events does", () => {
    const out: string[] = [];
    const calls: string[] = [];
    runSync(function* () {
      const loop = getRunningLoop();
      loop.setTaskFactory(function logging(l: EventLoop, coro: CoroutineInput<unknown>) {
        calls.push(`factory called, same loop ${l === loop}`);
        const t = eagerTaskFactory(l, coro);
        calls.push(`made ${t.getName()}, done ${t.done()}`);
        return t;
      });
      const t = createTask(quick(out, 7), { name: "seven" });
      calls.push(`returned ${t.getName()}`);
      expect(t).toBeInstanceOf(Task);
    });
    expect(out).toEqual(["quick 7 in Task-2"]);
    expect(calls).toEqual(["factory called, same loop true", "made Task-2, done true", "returned seven"]);
  });

  test("a task made while the loop is not running starts at its first iteration, as Task(eager_start=True) does then", () => {
    const loop = newEventLoop();
    loop.setTaskFactory(eagerTaskFactory);
    const out: string[] = [];
    const t = loop.createTask(quick(out, 1));
    expect(out).toEqual([]);
    expect(t.done()).toBe(false);
    expect(loop.runUntilCompleteSync(t)).toBe(1);
    expect(out).toEqual(["quick 1 in Task-1"]);
    loop.close();
  });

  test("a loop whose run waits for its turn behind another run does not start tasks eagerly: its code cannot run yet", async () => {
    const out: string[] = [];
    const b = newEventLoop();
    b.setTaskFactory(eagerTaskFactory);
    let made: Task<number> | undefined;
    let bRun: Promise<undefined> | undefined;
    await run(async () => {
      await sleep(1);
      bRun = b.runUntilComplete(sleep(1)); // started from a body after its first await: waits for this run to end
      expect(b.isRunning()).toBe(true);
      made = b.createTask(quick(out, 2));
      out.push(`made on b, done ${made.done()}`);
      await sleep(1);
    });
    await bRun;
    expect(out).toEqual(["made on b, done false", "quick 2 in Task-2"]);
    expect(made!.result()).toBe(2);
    b.close();
  });

  test("the trace marks an eager step, inside its creator's step in the same iteration", () => {
    const tracer = new ArrayTracer();
    runSync(
      function* () {
        getRunningLoop().setTaskFactory(eagerTaskFactory);
        const t = createTask(quick([], 1));
        yield* sleep(0);
        return t.result();
      },
      { tracer },
    );
    const steps = tracer.events.filter((e) => e.kind === "step" || e.kind === "task-created" || e.kind === "finish");
    const t2 = steps.filter((e) => "task" in e && e.task === "Task-2");
    expect(t2.map((e) => [e.kind, e.i, "eager" in e ? e.eager : undefined])).toEqual([
      ["task-created", 1, undefined],
      ["step", 1, true],
      ["finish", 1, undefined],
    ]);
  });
});
