/**
 * explore_throughput's program: the lost-update program, written for vloop
 * (generator and async styles) and for fast-check's `fc.scheduler()`.
 *
 * 3 tasks x 5 iterations of: read the shared counter, yield to the scheduler
 * (`sleep(0)` in vloop, `await s.schedule(Promise.resolve())` in fast-check),
 * write back the value read + 1. The racy version fails when the final count is
 * not 15; here nothing is checked, so that every run is a full schedule and the
 * benchmark measures schedules per second, not time to the first failure.
 *
 * Each write appends the writer's id to a per-run signature, identically on
 * both sides; the driver counts distinct signatures (distinct write orders) to
 * show that both sides explore real interleavings, and checks that every run
 * did all 15 writes.
 */
import type { Scheduler } from "fast-check";
import { gather, sleep } from "vloop";

export const TASKS = 3;
export const ITERATIONS = 5;
export const WRITES = TASKS * ITERATIONS;

/** What a batch of runs leaves behind: one write-order signature per run. */
export interface Sink {
  signatures: string[];
}

export function newSink(): Sink {
  return { signatures: [] };
}

// --- vloop, generator style ---------------------------------------------------

function* workerGen(state: { count: number; sig: string }, id: number): Generator<unknown, void, unknown> {
  for (let j = 0; j < ITERATIONS; j++) {
    const v = state.count;
    yield* sleep(0);
    state.count = v + 1;
    state.sig += id;
  }
}

function* mainGen(sink: Sink): Generator<unknown, void, unknown> {
  const state = { count: 0, sig: "" };
  yield* gather(workerGen(state, 0), workerGen(state, 1), workerGen(state, 2));
  sink.signatures.push(state.sig);
}

/** The vloop program (generator style), for `explore(program, ...)`. */
export function generatorProgram(sink: Sink): () => Generator<unknown, void, unknown> {
  return () => mainGen(sink);
}

// --- vloop, async style -------------------------------------------------------

async function workerAsync(state: { count: number; sig: string }, id: number): Promise<void> {
  for (let j = 0; j < ITERATIONS; j++) {
    const v = state.count;
    await sleep(0);
    state.count = v + 1;
    state.sig += id;
  }
}

async function mainAsync(sink: Sink): Promise<void> {
  const state = { count: 0, sig: "" };
  await gather(
    () => workerAsync(state, 0),
    () => workerAsync(state, 1),
    () => workerAsync(state, 2),
  );
  sink.signatures.push(state.sig);
}

/** The vloop program (async style), for `explore(program, ...)`. */
export function asyncProgram(sink: Sink): () => Promise<void> {
  return () => mainAsync(sink);
}

// --- fast-check -----------------------------------------------------------------

/** How the fast-check property drives its scheduler to the end of the run. */
export type FcDriver = "waitAll" | "waitIdle" | "waitFor";

/**
 * The same program as a fast-check property over `fc.scheduler()`: every
 * `await` is a scheduled point, released in an order fast-check picks at random.
 * `waitAll` releases scheduled tasks until none is left (deprecated in v4 but
 * correct here: a released task has re-scheduled itself before the next pick);
 * `waitIdle` is v4's recommended replacement, which lets 50 microtask ticks go
 * by before every pick so that it also sees tasks scheduled later; `waitFor(all)`
 * releases tasks until the program's own promise settles (the driver fast-check's
 * documentation encourages for an explicit end).
 * With `act`, that function wraps every pick (used to count the alternatives).
 */
export function fastCheckProperty(
  sink: Sink,
  driver: FcDriver,
  act?: (s: Scheduler, f: () => Promise<void>) => Promise<void>,
): (s: Scheduler) => Promise<void> {
  return async (s) => {
    const state = { count: 0, sig: "" };
    const worker = async (id: number): Promise<void> => {
      for (let j = 0; j < ITERATIONS; j++) {
        const v = state.count;
        await s.schedule(Promise.resolve());
        state.count = v + 1;
        state.sig += id;
      }
    };
    const all = Promise.all([worker(0), worker(1), worker(2)]);
    const customAct = act ? (f: () => Promise<void>) => act(s, f) : undefined;
    if (driver === "waitAll") await s.waitAll(customAct);
    else if (driver === "waitIdle") await s.waitIdle(customAct);
    else await s.waitFor(all, customAct);
    await all;
    sink.signatures.push(state.sig);
  };
}

/** Checks a batch: every run did all 15 writes. Returns how many write orders were distinct. */
export function checkBatch(sink: Sink, runs: number, label: string): number {
  if (sink.signatures.length !== runs) {
    throw new Error(`${label}: ${sink.signatures.length} runs finished, expected ${runs}`);
  }
  for (const s of sink.signatures) {
    if (s.length !== WRITES) throw new Error(`${label}: a run did ${s.length} writes, expected ${WRITES}`);
  }
  return new Set(sink.signatures).size;
}

// --- vloop, closure form ----------------------------------------------------------

/**
 * The same program as users write it: the workers are functions declared inside
 * the program, closing over its state, so each run makes new worker functions.
 * A loader with esbuild's keepNames (tsx) adds a `__name(worker, "worker")` call,
 * an Object.defineProperty, per closure made; without keepNames there is none.
 */
export function closureGeneratorProgram(sink: Sink): () => Generator<unknown, void, unknown> {
  return function* program() {
    const state = { count: 0, sig: "" };
    function* worker(id: number): Generator<unknown, void, unknown> {
      for (let j = 0; j < ITERATIONS; j++) {
        const v = state.count;
        yield* sleep(0);
        state.count = v + 1;
        state.sig += id;
      }
    }
    yield* gather(worker(0), worker(1), worker(2));
    sink.signatures.push(state.sig);
  };
}

/** The closure form in async style (see closureGeneratorProgram). */
export function closureAsyncProgram(sink: Sink): () => Promise<void> {
  return async function program() {
    const state = { count: 0, sig: "" };
    async function worker(id: number): Promise<void> {
      for (let j = 0; j < ITERATIONS; j++) {
        const v = state.count;
        await sleep(0);
        state.count = v + 1;
        state.sig += id;
      }
    }
    await gather(
      () => worker(0),
      () => worker(1),
      () => worker(2),
    );
    sink.signatures.push(state.sig);
  };
}

/** Whether this module was compiled with keep-names (esbuild's `__name(...)` calls in a closure program). */
export function compiledWithKeepNames(): boolean {
  return /__name\(/.test(String(closureGeneratorProgram));
}
