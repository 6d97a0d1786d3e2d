/**
 * Task programs: a generated list of tasks, each running a generated
 * sequence of ops, interpreted in either coroutine style with the same
 * meaning (generator: `function*` and `yield*`; async: `async` functions and
 * `await`). Laws 4 and 5 run them.
 *
 * Ops:
 *   { k: "sleep", d }           sleep(d) (d may be 0: one bare yield)
 *   { k: "child", ops }         create a child task running ops, await it
 *   { k: "gather", children }   gather(child ops..., each a zero-argument coroutine)
 *   { k: "cancel", sibling }    cancel top-level task `sibling % count` (maybe itself)
 * A task with `catchCancel` catches a CancelledError around each op and goes
 * on with the next one (children never catch). Main creates the top-level
 * tasks and awaits gather(...tasks, { returnExceptions: true }); it returns
 * each task's outcome ("ok:<n>" with the number of cancellations caught, or
 * the error's name).
 */
import { createHash } from "node:crypto";
import fc from "fast-check";
import { CancelledError, createTask, gather, sleep } from "../../src/index.js";
import type { Task } from "../../src/index.js";
import type { TraceEvent } from "../../src/loop/trace.js";

export type TaskOp =
  | { k: "sleep"; d: number }
  | { k: "child"; ops: TaskOp[] }
  | { k: "gather"; children: TaskOp[][] }
  | { k: "cancel"; sibling: number };

export interface TaskSpec {
  ops: TaskOp[];
  catchCancel: boolean;
}

export interface TaskProgram {
  tasks: TaskSpec[];
}

const delayArb = fc.oneof(fc.constantFrom(0, 0, 0.5, 1, 1, 2), fc.double({ min: 0, max: 3, noNaN: true }));

function opsArb(depth: number, maxLength: number): fc.Arbitrary<TaskOp[]> {
  const leaf: fc.WeightedArbitrary<TaskOp>[] = [
    { arbitrary: fc.record({ k: fc.constant("sleep" as const), d: delayArb }), weight: 5 },
    { arbitrary: fc.record({ k: fc.constant("cancel" as const), sibling: fc.nat(20) }), weight: 1 },
  ];
  if (depth > 0) {
    const inner = opsArb(depth - 1, 3);
    leaf.push({ arbitrary: fc.record({ k: fc.constant("child" as const), ops: inner }), weight: 2 });
    leaf.push({
      arbitrary: fc.record({ k: fc.constant("gather" as const), children: fc.array(inner, { maxLength: 3 }) }),
      weight: 2,
    });
  }
  return fc.array(fc.oneof(...leaf), { maxLength });
}

export const taskProgramArb: fc.Arbitrary<TaskProgram> = fc.record({
  tasks: fc.array(fc.record({ ops: opsArb(2, 6), catchCancel: fc.boolean() }), { maxLength: 6 }),
});

interface Ctx {
  tasks: Task<unknown>[];
}

function outcome(r: unknown): string {
  if (r instanceof Error) return r.name;
  return `ok:${String(r)}`;
}

// ------------------------------------------------------------------ generator style

function* genOps(ops: TaskOp[], ctx: Ctx, catchCancel: boolean): Generator<unknown, number, unknown> {
  let caught = 0;
  for (const op of ops) {
    try {
      switch (op.k) {
        case "sleep":
          yield* sleep(op.d);
          break;
        case "child": {
          const child = createTask(() => genOps(op.ops, ctx, false));
          yield* child;
          break;
        }
        case "gather":
          yield* gather(...op.children.map((c) => () => genOps(c, ctx, false)));
          break;
        case "cancel":
          ctx.tasks[op.sibling % ctx.tasks.length].cancel();
          break;
      }
    } catch (error) {
      if (catchCancel && error instanceof CancelledError) {
        caught++;
        continue;
      }
      throw error;
    }
  }
  return caught;
}

/** The program as generator coroutines: pass to runSync() or run(). */
export function genMain(program: TaskProgram): () => Generator<unknown, string[], unknown> {
  return function* () {
    const ctx: Ctx = { tasks: [] };
    ctx.tasks = program.tasks.map((spec) => createTask(() => genOps(spec.ops, ctx, spec.catchCancel)));
    const results = yield* gather(...ctx.tasks, { returnExceptions: true });
    return results.map(outcome);
  };
}

// ------------------------------------------------------------------ async style

async function asyncOps(ops: TaskOp[], ctx: Ctx, catchCancel: boolean): Promise<number> {
  let caught = 0;
  for (const op of ops) {
    try {
      switch (op.k) {
        case "sleep":
          await sleep(op.d);
          break;
        case "child": {
          const child = createTask(() => asyncOps(op.ops, ctx, false));
          await child;
          break;
        }
        case "gather":
          await gather(...op.children.map((c) => () => asyncOps(c, ctx, false)));
          break;
        case "cancel":
          ctx.tasks[op.sibling % ctx.tasks.length].cancel();
          break;
      }
    } catch (error) {
      if (catchCancel && error instanceof CancelledError) {
        caught++;
        continue;
      }
      throw error;
    }
  }
  return caught;
}

/** The program as async functions: pass to run(). */
export function asyncMain(program: TaskProgram): () => Promise<string[]> {
  return async () => {
    const ctx: Ctx = { tasks: [] };
    ctx.tasks = program.tasks.map((spec) => createTask(() => asyncOps(spec.ops, ctx, spec.catchCancel)));
    const results = await gather(...ctx.tasks, { returnExceptions: true });
    return results.map(outcome);
  };
}

// ------------------------------------------------------------------ traces

/** sha256 of the trace's JSON: what "the same trace hash" compares. */
export function traceHash(events: readonly TraceEvent[]): string {
  return createHash("sha256").update(JSON.stringify(events)).digest("hex");
}
