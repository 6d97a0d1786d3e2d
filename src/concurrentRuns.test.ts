/**
 * Several runs in flight in one process (loop/turns.ts): run() calls started
 * together take turns, in the order they were started; each sees its own
 * loop and task from getRunningLoop()/currentTask(), and gives exactly what
 * it gives alone. runSync() runs in between; a run nested in a running loop
 * is refused (at once from a step or a callback, through the watchdog's
 * message from an async body that awaits it).
 */
import { describe, expect, test } from "vitest";
import {
  type EventLoop,
  type LoopOptions,
  RuntimeError,
  UsageError,
  createTask,
  currentTask,
  gather,
  getRunningLoop,
  log,
  newEventLoop,
  run,
  runSync,
  sleep,
  waitFor,
} from "./index.js";
import { type ExploreResult, explore } from "./explore/explore.js";
import { ArrayTracer, type TraceEvent } from "./loop/trace.js";
import { watchedCount } from "./util/macrotask.js";

/** Workers that check, after every await, that the running loop and task are their own. */
async function checkedWorkers(name: string, n: number, loopOf: () => EventLoop | null): Promise<string[]> {
  const seen: string[] = [];
  const worker = async (i: number): Promise<void> => {
    const me = currentTask();
    for (let k = 0; k < 3; k++) {
      await sleep(((i * 7 + k * 3) % 4) / 4);
      if (getRunningLoop() !== loopOf()) throw new Error(`${name}: another run's loop`);
      if (currentTask() !== me) throw new Error(`${name}: another task`);
      log(name, i, k);
      seen.push(`${name}${i}.${k}@${getRunningLoop().time()}`);
    }
  };
  await gather(...Array.from({ length: n }, (_, i) => () => worker(i)));
  return seen;
}

function* checkedWorkersGen(name: string, n: number, loopOf: () => EventLoop | null): Generator<unknown, string[], unknown> {
  const seen: string[] = [];
  const worker = function* (i: number): Generator<unknown, void, unknown> {
    const me = currentTask();
    for (let k = 0; k < 3; k++) {
      yield* sleep(((i * 7 + k * 3) % 4) / 4);
      if (getRunningLoop() !== loopOf()) throw new Error(`${name}: another run's loop`);
      if (currentTask() !== me) throw new Error(`${name}: another task`);
      log(name, i, k);
      seen.push(`${name}${i}.${k}@${getRunningLoop().time()}`);
    }
  };
  yield* gather(...Array.from({ length: n }, (_, i) => worker(i)));
  return seen;
}

interface Outcome {
  result: unknown;
  lines: string[];
  events: TraceEvent[];
  tape: number[];
}

/** One run's observable outcome: result (or error), log lines, trace and tape. */
function outcomeOf(style: "gen" | "async", name: string, options: LoopOptions): Promise<Outcome> {
  const lines: string[] = [];
  const tracer = new ArrayTracer();
  let loop: EventLoop | null = null;
  const opts: LoopOptions = { ...options, tracer, onLog: (l) => lines.push(l), onLoop: (l) => (loop = l) };
  const main = style === "async" ? () => checkedWorkers(name, 4, () => loop) : () => checkedWorkersGen(name, 4, () => loop);
  return run<string[]>(main, opts).then(
    (result) => ({ result, lines, events: tracer.events, tape: [...(loop as unknown as EventLoop).tape] }),
    (error) => ({ result: `raised ${String(error)}`, lines, events: tracer.events, tape: [] }),
  );
}

describe("several run() calls in flight", () => {
  const cases: [string, "gen" | "async", LoopOptions][] = [
    ["a", "async", {}],
    ["b", "gen", {}],
    ["c", "async", { strategy: "random", seed: 7 }],
    ["d", "async", { strategy: "random", seed: 8 }],
    ["e", "gen", { strategy: "random", seed: 9 }],
    ["f", "async", { strategy: "pct", seed: 3 }],
  ];

  test("each gives exactly what it gives alone: result, log lines, trace, tape (both styles, random strategies)", async () => {
    const alone: Outcome[] = [];
    for (const [name, style, options] of cases) alone.push(await outcomeOf(style, name, options));
    for (const o of alone) expect(String(o.result)).not.toMatch(/raised/);
    const together = await Promise.all(cases.map(([name, style, options]) => outcomeOf(style, name, options)));
    expect(together).toEqual(alone);
  });

  test("they take turns in the order they were started", async () => {
    const order: string[] = [];
    const main = (name: string) => async () => {
      order.push(`${name} starts`);
      await sleep(1);
      order.push(`${name} ends`);
      return name;
    };
    const results = await Promise.all([run(main("A")), run(main("B")), run(main("C"))]);
    expect(results).toEqual(["A", "B", "C"]);
    expect(order).toEqual(["A starts", "A ends", "B starts", "B ends", "C starts", "C ends"]);
  });

  test("a run that fails passes the turn on", async () => {
    const failing = run(async () => {
      await sleep(1);
      throw new Error("boom");
    });
    const next = run(async () => {
      await sleep(1);
      return "next";
    });
    await expect(failing).rejects.toThrow("boom");
    await expect(next).resolves.toBe("next");
  });

  test("a run stuck on a foreign promise fails; the runs waiting behind it still run", async () => {
    const stuck = run(async () => {
      await sleep(1);
      await new Promise<void>(() => undefined); // never settles
    });
    const behind = run(async () => {
      await sleep(2);
      return getRunningLoop().time();
    });
    await expect(stuck).rejects.toThrow(UsageError);
    await expect(stuck).rejects.toThrow(/task Task-1 awaited a promise that vloop does not control/);
    await expect(behind).resolves.toBe(2);
    expect(watchedCount()).toBe(0);
  });

});

describe.concurrent("test.concurrent: runs from tests that run at once", () => {
  for (const [name, seed] of [["p", 1], ["q", 2], ["r", 3]] as const) {
    test(`run ${name}`, async () => {
      const alone = await outcomeOf("async", name, { strategy: "random", seed });
      const again = await outcomeOf("async", name, { strategy: "random", seed });
      expect(again).toEqual(alone);
      expect(alone.lines.length).toBe(12);
    });
  }
});

describe("nesting", () => {
  test("run() from a task's step or a callback is a RuntimeError at once (asyncio's rule)", async () => {
    const fromCallback = await run(async () => {
      const loop = getRunningLoop();
      const fut = loop.createFuture<string>();
      loop.callSoon(() => {
        try {
          void run(async () => 1);
          fut.setResult("no error");
        } catch (e) {
          fut.setResult((e as Error).message);
        }
      });
      await sleep(1); // the body runs on in microtasks: not inside the callback
      return await fut;
    });
    expect(fromCallback).toBe("run() cannot be called from a running event loop");
    const fromGenerator = await run(function* () {
      yield* sleep(1);
      try {
        void run(async () => 1);
      } catch (e) {
        return (e as Error).message;
      }
      return "no error";
    });
    expect(fromGenerator).toBe("run() cannot be called from a running event loop");
    expect(() =>
      runSync(function* () {
        yield* sleep(1);
        runSync(function* () {});
      }),
    ).toThrow(new RuntimeError("runSync() cannot be called from a running event loop"));
  });

  test("an async body that awaits a run() it started after an await fails with a message that says so", async () => {
    let innerRan = false;
    const outer = run(async () => {
      await sleep(1);
      return await run(async () => {
        innerRan = true;
        return 1;
      });
    });
    await expect(outer).rejects.toThrow(UsageError);
    await expect(outer).rejects.toThrow(/A run .* was started while task Task-1's body was running: runs take turns/);
    await expect(outer).rejects.toThrow(/asyncio.run\(\) cannot be called from a running event loop/);
    // the nested run started once the outer one was over, and ran (nobody awaits its result any more)
    await new Promise((r) => setTimeout(r, 0));
    expect(innerRan).toBe(true);
  });
});

describe("runSync between the microtasks of a run in flight", () => {
  test("runs on its own loop, and the paused run carries on unchanged", async () => {
    const alone = await outcomeOf("async", "x", {});
    const inFlight = outcomeOf("async", "x", {});
    // the run above is paused now (its first async body suspended in microtasks)
    const lines: string[] = [];
    const value = runSync(
      function* () {
        const loop = getRunningLoop();
        yield* sleep(5);
        log("sync run at", loop.time(), currentTask()?.getName());
        return loop.time();
      },
      { onLog: (l) => lines.push(l) },
    );
    expect(value).toBe(5);
    expect(lines).toEqual(["5 Task-1 sync run at 5 Task-1"]);
    expect(await inFlight).toEqual(alone);
  });

  test("many runSync calls interleaved with a run in flight, each alone-equivalent", async () => {
    const alone = await outcomeOf("async", "y", { strategy: "random", seed: 4 });
    const inFlight = outcomeOf("async", "y", { strategy: "random", seed: 4 });
    const results: number[] = [];
    for (let i = 0; i < 20; i++) {
      await Promise.resolve(); // let the run in flight make progress
      results.push(runSync(function* () {
        yield* sleep(i);
        return getRunningLoop().time();
      }));
    }
    expect(results).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect(await inFlight).toEqual(alone);
  });
});

describe("an async body runSync refused, while a run is in flight", () => {
  // runSync starts the body before it can tell it is async; the body runs on
  // in microtasks after runSync has thrown, and its awaits must not be taken
  // for those of the run in flight.
  test.each([
    ["sleep()", () => sleep(100)],
    ["a future", () => getRunningLoop().createFuture()],
    ["a task", () => createTask(() => sleep(100))],
    ["a coroutine object", () => waitFor(sleep(100), 5)],
  ])("awaiting %s made in the refused run leaves the run in flight alone", async (_what, make) => {
    const alone = await outcomeOf("async", "z", {});
    const inFlight = outcomeOf("async", "z", {});
    await Promise.resolve();
    let refusedBody: Promise<unknown> | undefined;
    expect(() =>
      runSync((() => {
        refusedBody = (async () => {
          await make();
          return "went on";
        })();
        return refusedBody;
      }) as never),
    ).toThrow(/runSync cannot drive task Task-1: its coroutine is an async function/);
    expect(await inFlight).toEqual(alone);
    await expect(refusedBody).rejects.toThrow(/was made in a run that is over/);
  });
});

describe("explorations side by side", () => {
  /** A lost update: two tasks read, sleep(0), write. */
  const lostUpdateAsync = () => async () => {
    let counter = 0;
    const inc = async () => {
      const v = counter;
      await sleep(0);
      counter = v + 1;
    };
    await gather(() => inc(), () => inc(), () => inc());
    if (counter !== 3) throw new Error(`lost update: ${counter}`);
  };
  const lostUpdateGen = () =>
    function* () {
      let counter = 0;
      const inc = function* () {
        const v = counter;
        yield* sleep(0);
        yield* sleep(0);
        counter = v + 1;
      };
      const t = [createTask(inc()), createTask(inc())];
      yield* gather(...t);
      return counter;
    };
  const fineAsync = () => async () => {
    await gather(...[0, 1, 2].map((i) => async () => sleep(i / 2)));
  };

  test("two explorations at once give what each gives alone", async () => {
    const plans = [
      () => explore(lostUpdateAsync(), { strategy: "random", runs: 200, seed: 1 }),
      () => explore(lostUpdateGen(), { strategy: "pct", runs: 100, seed: 2 }),
      () => explore(fineAsync(), { strategy: "random", runs: 100, seed: 3 }),
      () => explore(lostUpdateAsync(), { strategy: "dfs", runs: 100 }),
    ];
    const alone: ExploreResult[] = [];
    for (const p of plans) alone.push(await p());
    expect(String(alone[0].error)).toMatch(/lost update/);
    expect(alone[1].failed).toBe(false);
    expect(alone[2].failed).toBe(false);
    const together = await Promise.all(plans.map((p) => p()));
    const view = (r: ExploreResult) => ({ ...r, error: String(r.error) });
    expect(together.map(view)).toEqual(alone.map(view));
  });
});

describe("newEventLoop beside run()", () => {
  test("runUntilComplete while a run is in flight waits for its turn; the loop counts as running meanwhile", async () => {
    const order: string[] = [];
    const first = run(async () => {
      await sleep(1);
      order.push("run");
    });
    const loop = newEventLoop();
    const second = loop.runUntilComplete(async () => {
      await sleep(1);
      order.push("loop");
      return getRunningLoop() === loop;
    });
    expect(loop.isRunning()).toBe(true);
    expect(() => loop.close()).toThrow("Cannot close a running event loop");
    expect(() => loop.runForever()).toThrow("This event loop is already running");
    await first;
    expect(await second).toBe(true);
    expect(order).toEqual(["run", "loop"]);
    expect(loop.isRunning()).toBe(false);
    loop.close();
  });

  test("runUntilCompleteSync runs in between, on its own loop", async () => {
    const inFlight = run(async () => {
      await sleep(3);
      return getRunningLoop().time();
    });
    const loop = newEventLoop();
    const t = loop.createTask(function* () {
      yield* sleep(2);
      return [getRunningLoop() === loop, currentTask()?.getName()];
    });
    expect(loop.runUntilCompleteSync(t)).toEqual([true, "Task-1"]);
    expect(await inFlight).toBe(3);
    loop.close();
  });
});
