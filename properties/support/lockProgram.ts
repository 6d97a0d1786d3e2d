/**
 * Lock programs: N tasks sharing one async context manager (a Lock, a
 * Semaphore, a BoundedSemaphore), each running a generated sequence of ops,
 * interpreted in either coroutine style with the same meaning. Laws
 * lockMutualExclusion and semaphoreBound run them.
 *
 * Ops:
 *   { k: "hold", body }     asyncWith(resource, body), the body a list of
 *                           { k: "sleep", d } (d may be 0: one bare yield) and
 *                           { k: "cancel", other } (cancel another task)
 *   { k: "sleep", d }       sleep(d) outside the resource
 *   { k: "cancel", other }  cancel task (self + 1 + other % (n - 1)) % n: never
 *                           itself (with one task: nothing)
 * A task with `catchCancel` catches a CancelledError around each op and goes
 * on with the next one (so a cancelled waiter may come back and wait again).
 *
 * The law supplies a Monitor: `enter(i)` runs first thing inside the body,
 * `leave(i)` in the body's `finally`, `observe(i)` before and after every op
 * outside the resource. Main creates the tasks, awaits gather(...tasks,
 * { returnExceptions: true }), and returns each task's outcome: "ok" or the
 * error's name.
 */
import fc from "fast-check";
import { type AsyncContextManager, CancelledError, type Task, asyncWith, createTask, gather, sleep } from "../../src/index.js";

export type BodyOp = { k: "sleep"; d: number } | { k: "cancel"; other: number };
export type LockOp = { k: "hold"; body: BodyOp[] } | BodyOp;

export interface LockTaskSpec {
  ops: LockOp[];
  catchCancel: boolean;
}

export interface LockProgram {
  tasks: LockTaskSpec[];
}

export interface Monitor {
  enter(task: number): void;
  leave(task: number): void;
  observe(task: number): void;
}

/** Zero (a bare yield) is common on purpose: it is where hand-offs race. */
const delayArb = fc.oneof(
  { arbitrary: fc.constantFrom(0, 0, 0, 0.5, 1, 1, 2), weight: 3 },
  { arbitrary: fc.double({ min: 0, max: 2, noNaN: true }), weight: 1 },
);
const sleepArb = fc.record({ k: fc.constant("sleep" as const), d: delayArb });
const cancelArb = fc.record({ k: fc.constant("cancel" as const), other: fc.nat(7) });
const bodyArb: fc.Arbitrary<BodyOp[]> = fc.array(
  fc.oneof({ arbitrary: sleepArb, weight: 5 }, { arbitrary: cancelArb, weight: 1 }),
  { maxLength: 3 },
);
const opArb: fc.Arbitrary<LockOp> = fc.oneof(
  { arbitrary: fc.record({ k: fc.constant("hold" as const), body: bodyArb }), weight: 5 },
  { arbitrary: sleepArb, weight: 2 },
  { arbitrary: cancelArb, weight: 1 },
);

export function lockProgramArb(maxTasks = 5): fc.Arbitrary<LockProgram> {
  return fc.record({
    tasks: fc.array(fc.record({ ops: fc.array(opArb, { maxLength: 6 }), catchCancel: fc.boolean() }), {
      minLength: 1,
      maxLength: maxTasks,
    }),
  });
}

interface Ctx {
  tasks: Task<unknown>[];
  monitor: Monitor;
  resource: AsyncContextManager<unknown>;
}

function cancelOther(ctx: Ctx, self: number, other: number): void {
  const n = ctx.tasks.length;
  if (n < 2) return;
  ctx.tasks[(self + 1 + (other % (n - 1))) % n].cancel();
}

function outcome(r: unknown): string {
  return r instanceof Error ? r.name : "ok";
}

// ------------------------------------------------------------------ generator style

function* genBody(ctx: Ctx, i: number, body: BodyOp[]): Generator<unknown, void, unknown> {
  ctx.monitor.enter(i);
  try {
    for (const op of body) {
      if (op.k === "sleep") yield* sleep(op.d);
      else cancelOther(ctx, i, op.other);
    }
  } finally {
    ctx.monitor.leave(i);
  }
}

function* genTask(ctx: Ctx, i: number, spec: LockTaskSpec): Generator<unknown, void, unknown> {
  for (const op of spec.ops) {
    ctx.monitor.observe(i);
    try {
      if (op.k === "hold") yield* asyncWith(ctx.resource, () => genBody(ctx, i, op.body));
      else if (op.k === "sleep") yield* sleep(op.d);
      else cancelOther(ctx, i, op.other);
    } catch (error) {
      if (!(spec.catchCancel && error instanceof CancelledError)) throw error;
    }
    ctx.monitor.observe(i);
  }
}

/** The program as generator coroutines: pass to runSync() or run(). */
export function genLockMain(
  program: LockProgram,
  resource: AsyncContextManager<unknown>,
  monitor: Monitor,
): () => Generator<unknown, string[], unknown> {
  return function* () {
    const ctx: Ctx = { tasks: [], monitor, resource };
    ctx.tasks = program.tasks.map((spec, i) => createTask(() => genTask(ctx, i, spec)));
    const results = yield* gather(...ctx.tasks, { returnExceptions: true });
    return results.map(outcome);
  };
}

// ------------------------------------------------------------------ async style

async function asyncBody(ctx: Ctx, i: number, body: BodyOp[]): Promise<void> {
  ctx.monitor.enter(i);
  try {
    for (const op of body) {
      if (op.k === "sleep") await sleep(op.d);
      else cancelOther(ctx, i, op.other);
    }
  } finally {
    ctx.monitor.leave(i);
  }
}

async function asyncTask(ctx: Ctx, i: number, spec: LockTaskSpec): Promise<void> {
  for (const op of spec.ops) {
    ctx.monitor.observe(i);
    try {
      if (op.k === "hold") await asyncWith(ctx.resource, () => asyncBody(ctx, i, op.body));
      else if (op.k === "sleep") await sleep(op.d);
      else cancelOther(ctx, i, op.other);
    } catch (error) {
      if (!(spec.catchCancel && error instanceof CancelledError)) throw error;
    }
    ctx.monitor.observe(i);
  }
}

/** The program as async functions: pass to run(). */
export function asyncLockMain(
  program: LockProgram,
  resource: AsyncContextManager<unknown>,
  monitor: Monitor,
): () => Promise<string[]> {
  return async () => {
    const ctx: Ctx = { tasks: [], monitor, resource };
    ctx.tasks = program.tasks.map((spec, i) => createTask(() => asyncTask(ctx, i, spec)));
    const results = await gather(...ctx.tasks, { returnExceptions: true });
    return results.map(outcome);
  };
}
