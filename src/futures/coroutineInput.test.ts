/**
 * What is not a coroutine is refused where it enters, with asyncio's error
 * and what to write instead; never a hang.
 *
 * CPython 3.12 (the oracle):
 *   asyncio.create_task(agen)   -> TypeError: a coroutine was expected, got <function agen at 0x...>
 *   asyncio.create_task(agen()) -> TypeError: a coroutine was expected, got <async_generator object agen at 0x...>
 *   asyncio.create_task([1, 2]) -> TypeError: a coroutine was expected, got [1, 2]
 *   asyncio.create_task(set())  -> TypeError: a coroutine was expected, got set()
 *   asyncio.ensure_future(agen()), gather(agen()), shield(agen()), as_completed([agen()])
 *                               -> TypeError: An asyncio.Future, a coroutine or an awaitable is required
 *   asyncio.run(agen())         -> ValueError: a coroutine was expected, got <async_generator object agen at 0x...>
 *
 * An async generator's next() returns a promise: vloop used to take it for a
 * generator, read the promise as a bare yield and step it again, forever.
 * Every run here has a small step budget, so a regression fails instead of
 * hanging the suite.
 */
import { describe, expect, test } from "vitest";
import {
  TaskGroup,
  ValueError,
  asCompleted,
  asyncWith,
  coroutine,
  createTask,
  ensureFuture,
  gather,
  getRunningLoop,
  run,
  runSync,
  shield,
  sleep,
  timeout,
  waitFor,
} from "../index.js";
import { runScenario, styleOf } from "../scenario/index.js";

const BUDGET = { maxSteps: 10_000 };

async function* agen(): AsyncGenerator<number> {
  yield 1;
}

/** The message of what `f` throws (synchronously), or "no error". */
function thrown(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    return `${(e as Error).name}: ${(e as Error).message}`;
  }
  return "no error";
}

/** The message of what a generator-style await of `make()` throws inside a task. */
function* awaited(make: () => unknown): Generator<unknown, string, unknown> {
  try {
    yield* make() as Iterable<unknown>;
  } catch (e) {
    return `${(e as Error).name}: ${(e as Error).message}`;
  }
  return "no error";
}

const ASYNC_GEN = /async generator.* not (a coroutine|coroutines)\. Write an async function \(async \(\) => \{ \.\.\. \}\) or a generator function \(function\*\) instead$/;

describe("an async generator is not a coroutine", () => {
  test("run() and runSync() refuse it at the call with asyncio.run's ValueError", () => {
    for (const main of [agen, agen()]) {
      for (const runner of [run, runSync] as const) {
        const msg = thrown(() => void (runner as (m: unknown, o: unknown) => unknown)(main, BUDGET));
        expect(msg).toMatch(/^ValueError: run(Sync)?: a coroutine was expected, got <async generator (function agen|object)>/);
        expect(msg).toMatch(ASYNC_GEN);
      }
    }
    expect(() => runSync(agen as never, BUDGET)).toThrow(ValueError);
  });

  test("createTask, loop.createTask and TaskGroup.createTask refuse it at once", () => {
    const msgs = runSync(function* () {
      const out: string[] = [];
      out.push(thrown(() => createTask(agen as never)));
      out.push(thrown(() => createTask(agen() as never)));
      out.push(thrown(() => getRunningLoop().createTask(agen() as never)));
      yield* asyncWith(new TaskGroup(), function* (tg) {
        out.push(thrown(() => tg.createTask(agen() as never)));
      });
      return out;
    }, BUDGET);
    expect(msgs[0]).toMatch(/^TypeError: createTask: a coroutine was expected, got <async generator function agen>: /);
    expect(msgs[1]).toMatch(/^TypeError: createTask: a coroutine was expected, got <async generator object>: /);
    for (const m of msgs) expect(m).toMatch(ASYNC_GEN);
  });

  test("ensureFuture, gather and shield refuse it with asyncio's words", () => {
    const msgs = runSync(function* () {
      return [
        thrown(() => ensureFuture(agen() as never)),
        thrown(() => gather(agen as never)),
        thrown(() => gather(sleep(0), agen() as never)),
        thrown(() => shield(agen() as never)),
      ];
    }, BUDGET);
    expect(msgs[0]).toMatch(/^TypeError: ensureFuture: An asyncio.Future, a coroutine or an awaitable is required \(got <async generator object>\)/);
    expect(msgs[1]).toMatch(/^TypeError: gather: An asyncio.Future, a coroutine or an awaitable is required \(got <async generator function agen>\)/);
    expect(msgs[3]).toMatch(/^TypeError: shield: /);
    for (const m of msgs) expect(m).toMatch(ASYNC_GEN);
  });

  test("asCompleted, waitFor and a timeout's body refuse it when awaited", () => {
    const msgs = runSync(function* () {
      const out: string[] = [];
      out.push(thrown(() => [...asCompleted([agen() as never])]));
      out.push(yield* awaited(() => waitFor(agen() as never, 1)));
      out.push(yield* awaited(() => waitFor(agen as never, 1)));
      out.push(yield* awaited(() => waitFor(agen() as never, 0)));
      out.push(yield* awaited(() => asyncWith(timeout(1), agen as never)));
      return out;
    }, BUDGET);
    expect(msgs[0]).toMatch(/^TypeError: asCompleted: An asyncio.Future, a coroutine or an awaitable is required/);
    expect(msgs[1]).toMatch(/^TypeError: waitFor: An asyncio.Future, a coroutine or an awaitable is required/);
    expect(msgs[2]).toMatch(/^TypeError: waitFor: /);
    expect(msgs[3]).toMatch(/^TypeError: waitFor: /);
    expect(msgs[4]).toMatch(/^TypeError: the body <async generator function agen> returned <async generator object>/);
    for (const m of msgs) expect(m).toMatch(ASYNC_GEN);
  });

  test("coroutine() refuses an async generator function (its awaitables used to spin in both styles)", () => {
    expect(() => coroutine(agen as never)).toThrow(TypeError);
    expect(() => coroutine(agen as never)).toThrow(/^coroutine: a generator function \(function\*\) is required \(got <async generator function agen>\): /);
    expect(() => coroutine(42 as never)).toThrow("coroutine: a generator function (function*) is required (got 42)");
  });

  test("a function returning one fails its task with a TypeError, in both styles", async () => {
    const gen = runSync(function* () {
      const t = createTask(() => agen() as never, { name: "worker" });
      return yield* awaited(() => t);
    }, BUDGET);
    expect(gen).toMatch(/^TypeError: task worker: its coroutine function returned <async generator object>; expected a generator \(function\*\) or a promise \(async function\)/);
    expect(gen).toMatch(ASYNC_GEN);
    const asy = await run(async () => {
      try {
        await gather(() => agen() as never);
      } catch (e) {
        return (e as Error).message;
      }
      return "no error";
    }, BUDGET);
    expect(asy).toMatch(/its coroutine function returned <async generator object>/);
  });

  test("a scenario whose main is an async generator function is refused before it runs", async () => {
    async function* main(): AsyncGenerator<number> {
      yield 1;
    }
    expect(() => styleOf(main)).toThrow(/a scenario's main must be a generator function or an async function \(got <async generator function main>\)/);
    await expect(runScenario(main as never, undefined, BUDGET)).rejects.toThrow(TypeError);
    // given as async style anyway (the CLI's tour does): main raises a TypeError, not a hang
    const lines = await runScenario((() => main()) as never, "async", BUDGET);
    expect(lines).toEqual(["0 main raised TypeError"]);
  });
});

describe("a collection is not a coroutine", () => {
  test("createTask of an array or a Set says so (it used to report a bad yield of the first item)", () => {
    const msgs = runSync(function* () {
      return [thrown(() => createTask([1, 2] as never)), thrown(() => createTask(new Set() as never)), thrown(() => createTask(() => [1, 2] as never))];
    }, BUDGET);
    expect(msgs[0]).toBe("TypeError: createTask: a coroutine was expected, got [1, 2]: an array is not a coroutine (to run several awaitables at once: gather(...items))");
    expect(msgs[1]).toBe("TypeError: createTask: a coroutine was expected, got Set(0) {}: a Set is not a coroutine (to run several awaitables at once: gather(...items))");
    expect(msgs[2]).toBe("no error"); // a function: called at the task's first step...
    const failed = runSync(function* () {
      return yield* awaited(() => createTask(() => [1, 2] as never, { name: "t" }));
    }, BUDGET);
    expect(failed).toMatch(/^TypeError: task t: its coroutine function returned \[1, 2\]; .*: an array is not a coroutine/); // ...and fails there
  });

  test("gather of an array names it and says that gather takes separate arguments", async () => {
    const msg = await run(async () => {
      const a = () => sleep(1, "a");
      const b = () => sleep(1, "b");
      const items = [a, b];
      try {
        await gather(items as never);
      } catch (e) {
        return (e as Error).message;
      }
      return "no error";
    }, BUDGET);
    expect(msg).toBe(
      "gather: An asyncio.Future, a coroutine or an awaitable is required (got [<function a>, <function b>]): " +
        "an array is not a coroutine: gather takes its awaitables as separate arguments: gather(...items), or gatherAll(items) for an array of any length",
    );
  });

  test("ensureFuture, shield and waitFor of an array are TypeErrors naming it", () => {
    const msgs = runSync(function* () {
      return [thrown(() => ensureFuture([sleep(1)] as never)), thrown(() => shield(new Set([1]) as never)), yield* awaited(() => waitFor([1] as never, 1))];
    }, BUDGET);
    expect(msgs[0]).toMatch(/^TypeError: ensureFuture: An asyncio.Future, a coroutine or an awaitable is required \(got \[<coroutine object sleep\(1\)>|\[<Future/);
    expect(msgs[1]).toBe("TypeError: shield: An asyncio.Future, a coroutine or an awaitable is required (got Set(1) {1}): a Set is not a coroutine (to run several awaitables at once: gather(...items))");
    expect(msgs[2]).toMatch(/^TypeError: waitFor: .*\(got \[1\]\): an array is not a coroutine/);
  });

  test("a body that returns an array returns it (it is a plain function), instead of iterating it", () => {
    const out = runSync(function* () {
      return yield* asyncWith(timeout(1), () => [1, 2]);
    }, BUDGET);
    expect(out).toEqual([1, 2]);
  });
});

describe("mistakes in yield* say what to write instead", () => {
  test("yield* [1, 2, 3] is reported as the bad yield it is, naming the task (not JavaScript's missing throw())", () => {
    const msg = runSync(function* () {
      const t = createTask(function* () {
        yield* [1, 2, 3] as unknown as Iterable<unknown>;
      }(), { name: "looper" });
      return yield* awaited(() => t);
    }, BUDGET);
    expect(msg).toMatch(/^RuntimeError: Task got bad yield: 1 \(in <Task pending name='looper'>\): /);
    expect(msg).toMatch(/`yield\* \[a, b\]` hands it the array's items one by one; to await several awaitables, write yield\* gather\(\.\.\.items\)/);
  });

  test("yield* of a Promise says that a Promise belongs in an async function task; JavaScript's error is its cause", () => {
    const error = runSync(function* () {
      const t = createTask(function* () {
        yield* Promise.resolve(1) as unknown as Iterable<unknown>;
      }(), { name: "promiser" });
      try {
        yield* t;
      } catch (e) {
        return e as Error;
      }
      return null;
    }, BUDGET);
    expect(error).toBeInstanceOf(TypeError);
    expect(error!.message).toMatch(/is not iterable \(in task promiser\)\. If it was `yield\* x`: in a generator task, yield\* only vloop awaitables/);
    expect(error!.message).toMatch(/a Promise belongs in an async function task \(createTask\(async \(\) => \{ await p; \}\)\)/);
    expect((error!.cause as Error).message).toMatch(/is not iterable/);
  });

  test("the explanation is added once, however many tasks re-raise the error", () => {
    const msg = runSync(function* () {
      const inner = createTask(function* () {
        yield* (Promise.resolve(1) as unknown as Iterable<unknown>);
      }(), { name: "inner" });
      const outer = createTask(function* () {
        yield* inner;
      }(), { name: "outer" });
      return yield* awaited(() => outer);
    }, BUDGET);
    expect(msg.match(/If it was/g)).toHaveLength(1);
    expect(msg).toMatch(/\(in task inner\)/);
  });

  test("a bare yield of a Promise, or of a function, says what to write", () => {
    const msgs = runSync(function* () {
      const out: string[] = [];
      for (const value of [Promise.resolve(1), async () => 1]) {
        try {
          yield value;
        } catch (e) {
          out.push((e as Error).message);
        }
      }
      return out;
    }, BUDGET);
    expect(msgs[0]).toMatch(/^Task got bad yield: <Promise> \(in <Task pending name='Task-1'>\): a Promise in a generator task: .*a Promise belongs in an async function task/);
    expect(msgs[1]).toMatch(/^Task got bad yield: <anonymous async function: async \(\) ?=> ?1> \(in .*\): a function is not an awaitable: .*yield\* createTask\(fn\)/);
  });
});
