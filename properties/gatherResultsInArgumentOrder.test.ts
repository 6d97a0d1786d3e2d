/**
 * Law 1: gather returns its results in argument order, whatever the order
 * in which the children complete.
 *
 * Random gathers of children of every kind gather accepts: a generator
 * function, an async function, a generator object, a sleep(d, value)
 * coroutine object, a task created earlier, a future resolved by a timer,
 * and the same argument given twice (one child, its result twice). Each
 * child sleeps random delays (some equal, some 0), so children finish in
 * all sorts of orders; main (itself a generator or an async function) may
 * sleep before calling gather, so earlier tasks and futures can already be
 * done (3.12 then reports them through callSoon like the others).
 * The result must be each argument's value, in argument order; the test
 * also checks that completion order did differ from argument order in
 * many runs, so the law is not tested vacuously.
 *
 * Replay a failure: fast-check prints `seed` and `path`; put them in the
 * fc.assert options below: fc.assert(prop, { seed, path }).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createTask, gather, getRunningLoop, run, sleep } from "../src/index.js";
import type { Future } from "../src/index.js";
import { runs } from "./support/config.js";

type Kind = "genFn" | "asyncFn" | "genObj" | "sleepCoro" | "task" | "future" | "dup";
interface ChildSpec {
  kind: Kind;
  delays: number[];
  /** for "dup": which earlier argument to repeat (modulo the index) */
  of: number;
}
interface GatherCase {
  children: ChildSpec[];
  mainStyle: "gen" | "async";
  preSleep: number;
}

const delayArb = fc.oneof(fc.constantFrom(0, 0, 1, 1, 2, 0.5, 0.1, 0.2, 0.3), fc.double({ min: 0, max: 3, noNaN: true }));
const caseArb: fc.Arbitrary<GatherCase> = fc.record({
  children: fc.array(
    fc.record({
      kind: fc.constantFrom<Kind>("genFn", "genFn", "asyncFn", "asyncFn", "genObj", "sleepCoro", "task", "future", "dup"),
      delays: fc.array(delayArb, { maxLength: 3 }),
      of: fc.nat(20),
    }),
    { maxLength: 12 },
  ),
  mainStyle: fc.constantFrom("gen" as const, "async" as const),
  preSleep: fc.constantFrom(0, 0, 0.5, 1, 2),
});

interface Built {
  args: unknown[];
  expected: string[];
  completed: number[];
}

/** Builds gather's arguments; tasks and futures are made now, the rest are lazy. */
function build(c: GatherCase): Built {
  const loop = getRunningLoop();
  const args: unknown[] = [];
  const expected: string[] = [];
  const completed: number[] = [];
  const genBody = function* (i: number, delays: number[]): Generator<unknown, string, unknown> {
    for (const d of delays) yield* sleep(d);
    completed.push(i);
    return `v${i}`;
  };
  const asyncBody = async (i: number, delays: number[]): Promise<string> => {
    for (const d of delays) await sleep(d);
    completed.push(i);
    return `v${i}`;
  };
  c.children.forEach((child, i) => {
    const kind = child.kind === "dup" && i === 0 ? "genFn" : child.kind;
    switch (kind) {
      case "genFn":
        args.push(() => genBody(i, child.delays));
        break;
      case "asyncFn":
        args.push(() => asyncBody(i, child.delays));
        break;
      case "genObj":
        args.push(genBody(i, child.delays));
        break;
      case "sleepCoro":
        args.push(sleep(child.delays[0] ?? 0, `v${i}`));
        break;
      case "task":
        args.push(i % 2 === 0 ? createTask(() => genBody(i, child.delays)) : createTask(() => asyncBody(i, child.delays)));
        break;
      case "future": {
        const fut = loop.createFuture<string>();
        loop.callLater(child.delays.reduce((a, b) => a + b, 0), () => {
          completed.push(i);
          fut.setResult(`v${i}`);
        });
        args.push(fut);
        break;
      }
      case "dup": {
        const j = child.of % i;
        args.push(args[j]);
        expected.push(expected[j]);
        return;
      }
    }
    expected.push(`v${i}`);
  });
  return { args, expected, completed };
}

async function runCase(c: GatherCase): Promise<{ results: unknown[]; built: Built }> {
  let built: Built | null = null;
  const results =
    c.mainStyle === "gen"
      ? await run(function* () {
          built = build(c);
          if (c.preSleep > 0) yield* sleep(c.preSleep);
          return yield* (gather as (...a: unknown[]) => Future<unknown[]>)(...built.args);
        })
      : await run(async () => {
          built = build(c);
          if (c.preSleep > 0) await sleep(c.preSleep);
          return await (gather as (...a: unknown[]) => Future<unknown[]>)(...built.args);
        });
  return { results, built: built as unknown as Built };
}

const examples: [GatherCase][] = [
  // later arguments finish first; equal delays; an already-done task; a repeated argument
  [
    {
      children: [
        { kind: "genFn", delays: [2], of: 0 },
        { kind: "asyncFn", delays: [1, 0], of: 0 },
        { kind: "task", delays: [0], of: 0 },
        { kind: "future", delays: [1], of: 0 },
        { kind: "dup", delays: [], of: 1 },
        { kind: "sleepCoro", delays: [0], of: 0 },
        { kind: "genObj", delays: [1], of: 0 },
      ],
      mainStyle: "async",
      preSleep: 0.5,
    },
  ],
];

describe("law 1: gather returns results in argument order", () => {
  it("whatever the completion order, in both coroutine styles", async () => {
    let reordered = 0;
    await fc.assert(
      fc.asyncProperty(caseArb, async (c) => {
        const { results, built } = await runCase(c);
        expect(results).toEqual(built.expected);
        const sorted = [...built.completed].sort((a, b) => a - b);
        if (built.completed.join() !== sorted.join()) reordered++;
      }),
      { numRuns: runs(500), examples },
    );
    expect(reordered).toBeGreaterThan(50);
  });
});
