/**
 * The random programs of program.ts run by vloop: one interpreter per
 * coroutine style (genMain with yield*, asyncMain with await; "mixed" makes
 * child tasks of both styles), the same walk written twice, case for case.
 */
import {
  ALL_COMPLETED,
  Barrier,
  BoundedSemaphore,
  CancelledError,
  Condition,
  Event,
  ExceptionGroup,
  FIRST_COMPLETED,
  FIRST_EXCEPTION,
  type Future,
  type Handle,
  InvalidStateError,
  LifoQueue,
  Lock,
  PriorityQueue,
  Queue,
  RuntimeError,
  Semaphore,
  TaskGroup,
  type Timeout,
  TimeoutError,
  asCompleted,
  allTasks,
  asyncWith,
  createTask,
  eagerTaskFactory,
  currentTask,
  gather,
  getRunningLoop,
  shield,
  sleep,
  timeout,
  timeoutAt,
  wait,
  waitFor,
  type Task,
} from "../../src/index.js";
import { GenCoroutine } from "../../src/futures/coroutine.js";
import { KeyError, ValueError, log, py, pyRepr } from "../harness.js";
import {
  type NetCtx,
  asyncNetStmt,
  asyncStartServer,
  genNetStmt,
  genStartServer,
  newNetCtx,
} from "./net.js";
import { type Body, type FutSet, type Program, type Stmt, queueItem } from "./program.js";

// ------------------------------------------------------------------ vloop

interface Ctx {
  tasks: Map<string, Task<unknown>>;
  lock: Lock;
  event: Event;
  queue: Queue<number>;
  pqueue: PriorityQueue<number>;
  lqueue: LifoQueue<number>;
  sem: Semaphore;
  cond: Condition;
  barrier: Barrier;
  /** Queue(2) */
  bqueue: Queue<number>;
  /** BoundedSemaphore(1) */
  bsem: BoundedSemaphore;
  futs: Map<string, Future<number>>;
  hnds: Map<string, Handle>;
  /** the done callbacks by label, each one function (so that removing one finds it) */
  cbs: Map<number, (f: Future<number>) => void>;
  /** the network grammar's server and connections */
  net: NetCtx;
  /**
   * mixed styles: each child task's body runs as a generator or an async
   * function, by its name; "gen": every task's body is a generator (an async
   * main's children under eager_task_factory, which takes generators only)
   */
  mixed: boolean | "gen";
}

/**
 * A child's coroutine: in the body's own style, or (mixed) in the style its
 * key picks, so that generator and async tasks await, gather and cancel each other.
 */
function childCoro(ctx: Ctx, b: Body, key: string | number, home: "gen" | "async") {
  return childStyle(ctx, key, home) === "gen" ? genBodyRun(ctx, b) : () => asyncBodyRun(ctx, b);
}

/** A child task's style: its parent's, or (mixed) the one its key picks. */
function childStyle(ctx: Ctx, key: string | number, home: "gen" | "async"): "gen" | "async" {
  if (ctx.mixed === false) return home;
  if (ctx.mixed === "gen") return "gen";
  let h = 0;
  for (const c of String(key)) h = (h * 31 + c.charCodeAt(0)) | 0;
  return (h & 1) === 0 ? "gen" : "async";
}

/**
 * The task a body named `name` (Python's `T[name]`): a KeyError, as Python's,
 * when its create_task raised, as a TaskGroup's does once the group is
 * shutting down (under eager_task_factory a child can fail it inside the
 * block, before the next create_task).
 */
function taskOf(ctx: Ctx, name: string): Task<unknown> {
  const t = ctx.tasks.get(name);
  if (t === undefined) throw new KeyError(`'${name}'`);
  return t;
}

/** The cbtask statement: a callback that makes a task (always a generator: eager programs only). */
function cbTaskStmt(s: Stmt & { op: "cbtask" }): void {
  const loop = getRunningLoop();
  const cb = () => {
    const t = createTask(cbTaskBody(s.k, s.d));
    log("cbtask", s.k, "made", t.getName(), fmt(t.done()), py(currentTask() ?? null));
  };
  if (s.at === null) loop.callSoon(cb);
  else loop.callLater(s.at, cb);
}

function* cbTaskBody(k: number, d: number | null): Generator<unknown, number, unknown> {
  log("cbtask", k, "runs");
  if (d !== null) yield* sleep(d);
  log("cbtask", k, "ends");
  return k;
}

function newCtx(mixed: boolean | "gen" = false): Ctx {
  return {
    mixed,
    tasks: new Map(),
    lock: new Lock(),
    event: new Event(),
    queue: new Queue<number>(),
    pqueue: new PriorityQueue<number>(),
    lqueue: new LifoQueue<number>(),
    sem: new Semaphore(2),
    cond: new Condition(),
    barrier: new Barrier(2),
    bqueue: new Queue<number>(2),
    bsem: new BoundedSemaphore(1),
    futs: new Map(),
    hnds: new Map(),
    cbs: new Map(),
    net: newNetCtx(),
  };
}

// the Python helpers of PY_EXTRA, in TypeScript

function fstate(f: Future<unknown>): string {
  if (!f.done()) return "pending";
  if (f.cancelled()) return "cancelled";
  const e = f.exception();
  return e === null || e === undefined ? fmt(f.result()) : (e as Error).name;
}

function fdo(ctx: Ctx, name: string, how: FutSet, k: number): void {
  const f = ctx.futs.get(name)!;
  if (how === "c" || how === "cm") {
    log("fcancel", name, how === "c" ? f.cancel() : f.cancel(`m${k}`));
    return;
  }
  try {
    if (how === "r") f.setResult(k);
    else f.setException(new ValueError(`v${k}`));
    log("fset", name, "ok");
  } catch (e) {
    if (!(e instanceof InvalidStateError)) throw e;
    // not the message: CPython's C Future says "invalid state", vloop names the call and the state,
    // as asyncio's pure-Python Future does (src/badInput.test.ts)
    log("fset", name, "InvalidStateError");
  }
}

function fsetStmt(ctx: Ctx, s: Stmt & { op: "fset" }): void {
  const loop = getRunningLoop();
  if (s.via === "now") fdo(ctx, s.f, s.how, s.k);
  else if (s.via === "soon") loop.callSoon(() => fdo(ctx, s.f, s.how, s.k));
  else loop.callLater(s.d, () => fdo(ctx, s.f, s.how, s.k));
}

function cbOf(ctx: Ctx, k: number): (f: Future<number>) => void {
  let fn = ctx.cbs.get(k);
  if (fn === undefined) {
    fn = (f) => log(`fcb${k}`, fstate(f));
    ctx.cbs.set(k, fn);
  }
  return fn;
}

function rel(when: number | null): number | string {
  return when === null ? "None" : Math.round((when - getRunningLoop().time()) * 1000);
}

function resched(tm: Timeout, re: number | null): void {
  log("when", rel(tm.when()), tm.expired());
  try {
    tm.reschedule(re === null ? null : getRunningLoop().time() + re);
    log("resched", rel(tm.when()));
  } catch (e) {
    if (!(e instanceof RuntimeError)) throw e;
    log("resched", "RuntimeError", pyRepr(e.message));
  }
}

/** Python's now(): a call's value, or the name of what it raised. */
function now(what: string, fn: () => unknown): void {
  let r: unknown;
  try {
    r = fn();
  } catch (e) {
    if (!(e instanceof Error)) throw e;
    log(what, e.name, pyRepr(e.message));
    return;
  }
  log(what, fmt(r));
}

function newTimeout(s: Stmt & { op: "tmo" }): Timeout {
  if (s.t === null) return s.at ? timeoutAt(null) : timeout(null);
  return s.at ? timeoutAt(getRunningLoop().time() + s.t) : timeout(s.t);
}

/** The added statements that do not wait: the same in both styles. */
type ExtraNow = Extract<Stmt, { op: "fwaiters" | "uncancel" | "workers" | "tcb" | "selfcancel" | "storm" | "hnd" | "hcancel" | "fchain" | "fut" | "fset" | "fcb" | "frm" | "fstate" | "qnow" | "qdone" | "qsize" | "brel" | "probe" | "tinfo" | "tstate" | "tname" }>;

/** An added statement that does not wait, the same in both styles. */
function extraNow(ctx: Ctx, s: ExtraNow, home: "gen" | "async"): void {
  switch (s.op) {
    case "fut":
      ctx.futs.set(s.f, getRunningLoop().createFuture<number>());
      break;
    case "fset":
      fsetStmt(ctx, s);
      break;
    case "fcb":
      ctx.futs.get(s.f)!.addDoneCallback(cbOf(ctx, s.k));
      break;
    case "frm":
      log(`frm ${s.f}`, ctx.futs.get(s.f)!.removeDoneCallback(cbOf(ctx, s.k)));
      break;
    case "fstate":
      log(`fstate ${s.f}`, fstate(ctx.futs.get(s.f)!));
      break;
    case "qnow": {
      const q = queueOf(ctx, s.q);
      if (s.put) now("put_nowait", () => q.putNowait(s.k));
      else now("get_nowait", () => q.getNowait());
      break;
    }
    case "qdone":
      now("task_done", () => queueOf(ctx, s.q).taskDone());
      break;
    case "qsize": {
      const q = queueOf(ctx, s.q);
      log("qsize", q.qsize(), q.empty(), q.full());
      break;
    }
    case "brel":
      now("brel", () => ctx.bsem.release());
      break;
    case "probe":
      log("probe", ctx.lock.locked(), ctx.sem.locked(), ctx.bsem.locked(), ctx.event.isSet(), ctx.cond.locked(), ctx.barrier.nWaiting, ctx.barrier.broken);
      break;
    case "tinfo":
      log("tinfo", currentTask()!.getName(), allTasks().size);
      break;
    case "tstate": {
      const t = taskOf(ctx, s.name);
      log(`tstate ${s.name}`, t.done(), t.cancelled(), t.cancelling());
      break;
    }
    case "tname":
      taskOf(ctx, s.name).setName(`r${s.k}`);
      break;
    case "hnd": {
      const loop = getRunningLoop();
      ctx.hnds.set(s.h, s.d === null ? loop.callSoon(() => log(`h${s.k}`)) : loop.callLater(s.d, () => log(`h${s.k}`)));
      break;
    }
    case "hcancel": {
      const h = ctx.hnds.get(s.h)!;
      h.cancel();
      log(`hcancel ${s.h}`, h.cancelled());
      break;
    }
    case "fchain":
      ctx.futs.get(s.f)!.addDoneCallback(() => fdo(ctx, s.g, "r", s.k));
      break;
    case "uncancel":
      log("uncancel", currentTask()!.uncancel());
      break;
    case "fwaiters":
      s.hows.forEach((w, j) => {
        const name = `x${s.id}_${j}`;
        const aw = { f: s.f, ...w };
        const coro =
          childStyle(ctx, name, home) === "gen"
            ? genTry(`${w.how} ${s.f}`, function* () {
                return yield* futAwaitable(ctx, aw);
              }, true)
            : () => asyncTry(`${w.how} ${s.f}`, () => futAwaitable(ctx, aw), true);
        createTask(coro, { name });
      });
      break;
    case "tcb":
      taskOf(ctx, s.name).addDoneCallback(cbOf(ctx, s.k) as (f: Future<unknown>) => void);
      break;
    case "selfcancel": {
      // not main: main cancelled as it returns ends the run with CancelledError, which the recorder has no line for
      const t = currentTask()!;
      if (t.getName() !== "main") log("selfcancel", t.cancel(s.msg === undefined ? undefined : `m${s.msg}`));
      break;
    }
    case "storm": {
      const loop = getRunningLoop();
      const hs: Handle[] = [];
      for (let i = 0; i < s.n; i++) hs.push(loop.callLater(((i * 7) % 5) * 0.1, () => log(`st${s.k}.${i}`)));
      for (let i = 0; i < s.n; i++) if (i % 3 !== 0) hs[i]!.cancel();
      break;
    }
    case "workers":
      for (let j = 0; j < s.n; j++) {
        const name = `w${s.id}_${j}`;
        createTask(workerCoro(ctx, queueOf(ctx, s.q), name, home), { name });
      }
      break;
  }
}

/** `acq`'s acquire under wait_for: whether it got the lock or semaphore. */
function acqOf(ctx: Ctx, which: "L" | "S" | "BS"): Lock | Semaphore {
  return which === "L" ? ctx.lock : which === "S" ? ctx.sem : ctx.bsem;
}

function* genAcq(ctx: Ctx, which: "L" | "S" | "BS", t: number): Generator<unknown, boolean, unknown> {
  try {
    yield* waitFor(acqOf(ctx, which).acquire(), t);
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    log("acq", which, "TimeoutError");
    return false;
  }
  log("acq", which, "ok");
  return true;
}

async function asyncAcq(ctx: Ctx, which: "L" | "S" | "BS", t: number): Promise<boolean> {
  try {
    await waitFor(acqOf(ctx, which).acquire(), t);
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    log("acq", which, "TimeoutError");
    return false;
  }
  log("acq", which, "ok");
  return true;
}

function fwaitArgs(ctx: Ctx, s: Stmt & { op: "fwait" }) {
  const aws: Future<unknown>[] = [...s.fs.map((f) => ctx.futs.get(f)!), ...s.names.map((n) => taskOf(ctx, n))];
  const returnWhen = s.when === "FIRST_COMPLETED" ? FIRST_COMPLETED : s.when === "FIRST_EXCEPTION" ? FIRST_EXCEPTION : ALL_COMPLETED;
  return [aws, { timeout: s.t, returnWhen }] as const;
}

function* genWorker(q: Queue<number>): Generator<unknown, void, unknown> {
  for (;;) {
    const item = yield* q.get();
    log("work", item);
    yield* sleep((item % 3) * 0.1);
    q.taskDone();
  }
}

async function asyncWorker(q: Queue<number>): Promise<void> {
  for (;;) {
    const item = await q.get();
    log("work", item);
    await sleep((item % 3) * 0.1);
    q.taskDone();
  }
}

/** A worker's coroutine, in the style of the statement's interpreter (mixed: by its name, as childCoro). */
function workerCoro(ctx: Ctx, q: Queue<number>, name: string, home: "gen" | "async") {
  return childStyle(ctx, name, home) === "gen" ? genWorker(q) : () => asyncWorker(q);
}

/** One fascomp item's outcome; true when the loop stops (a timeout, a cancellation). */
function fasCaught(e: unknown): boolean {
  if (e instanceof TimeoutError) log("fas", "TimeoutError");
  else if (e instanceof CancelledError) log("fas", "CancelledError", pyRepr(e.message));
  else if (e instanceof Error) {
    log("fas", e.name, pyRepr(e.message));
    return false;
  } else throw e;
  return true;
}

/** An fawait statement's awaitable. */
function futAwaitable(ctx: Ctx, s: { f: string; how: "await" | "waitFor" | "shield" | "gather"; t: number | null }) {
  const f = ctx.futs.get(s.f)!;
  return s.how === "await" ? f : s.how === "waitFor" ? waitFor(f, s.t) : s.how === "shield" ? shield(f) : gather(f);
}

/** What `wait` logs: the done tasks' names, sorted, and how many are pending. */
function logWait(done: Set<Future<unknown>>, pending: Set<Future<unknown>>): void {
  const names = [...done].map((t) => (t as Task<unknown>).getName()).sort();
  log("wait", names.join(","), pending.size);
}

function queueOf(ctx: Ctx, q: "p" | "l" | "b" | undefined): Queue<number> {
  return q === "p" ? ctx.pqueue : q === "l" ? ctx.lqueue : q === "b" ? ctx.bqueue : ctx.queue;
}

/** One as_completed item's outcome; true when the loop stops (timeout or cancellation). */
function asCompletedCaught(e: unknown): boolean {
  if (e instanceof TimeoutError) log("as_completed", "TimeoutError");
  else if (e instanceof CancelledError) log("as_completed", "CancelledError");
  else if (e instanceof Error) {
    log("as_completed", e.name);
    return false;
  } else throw e;
  return true;
}

function logGroup(e: unknown): void {
  if (!(e instanceof ExceptionGroup)) throw e;
  log("tg", fmt([...e.exceptions]));
}

/** The recorder-side fmt() above, in TypeScript. */
function fmt(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(fmt).join(",")}]`;
  if (v instanceof Error) return v.name;
  return py(v); // str(): None, True, 1.5
}

function caught(tag: string, e: unknown, withMessage = false): void {
  if (e instanceof TimeoutError) log(tag, "TimeoutError");
  else if (e instanceof CancelledError) log(tag, "CancelledError", ...(withMessage ? [pyRepr(e.message)] : []));
  else if (e instanceof Error) log(tag, e.name, ...(withMessage ? [pyRepr(e.message)] : []));
  else throw e;
}

/** The program as a generator-style vloop main (`mixed`: its child tasks in both styles; run() only). */
export function genMain(p: Program, mixed = false): () => Generator<unknown, unknown, unknown> {
  return function* () {
    if (p.eager === true) getRunningLoop().setTaskFactory(eagerTaskFactory);
    const ctx = newCtx(mixed);
    if (p.server !== undefined) yield* genStartServer(ctx.net, p.server);
    return yield* genBodyRun(ctx, p.main);
  };
}

function* genBodyRun(ctx: Ctx, b: Body): Generator<unknown, number, unknown> {
  yield* genStmts(ctx, b.stmts);
  return b.ret;
}

function* genTry(tag: string, aw: () => Generator<unknown, unknown, unknown>, withMessage = false): Generator<unknown, void, unknown> {
  let r: unknown;
  try {
    r = yield* aw();
  } catch (e) {
    caught(tag, e, withMessage);
    return;
  }
  log(tag, fmt(r));
}

function* genStmts(ctx: Ctx, stmts: Stmt[]): Generator<unknown, void, unknown> {
  for (const s of stmts) {
    switch (s.op) {
      case "sleep":
        yield* sleep(s.d);
        break;
      case "log":
        log(`s${s.k}`);
        break;
      case "spawn":
        ctx.tasks.set(s.name, createTask(childCoro(ctx, s.body, s.name, "gen"), { name: s.name }));
        break;
      case "await": {
        yield* genTry(`await ${s.name}`, function* () {
          return yield* taskOf(ctx, s.name);
        });
        break;
      }
      case "gather": {
        yield* genTry(`gather ${s.names.join(",")}`, function* () {
          return yield* gatherOf(s.names.map((n) => taskOf(ctx, n)), s.re);
        });
        break;
      }
      case "cancel":
        log(`cancel ${s.name}`, taskOf(ctx, s.name).cancel(s.msg === undefined ? undefined : `m${s.msg}`));
        break;
      case "waitFor": {
        yield* genTry(`wait_for ${s.name}`, function* () {
          return yield* waitFor(taskOf(ctx, s.name), s.t);
        });
        break;
      }
      case "shield": {
        yield* genTry(`shield ${s.name}`, function* () {
          return yield* shield(taskOf(ctx, s.name));
        });
        break;
      }
      case "timeout":
        try {
          yield* asyncWith(timeout(s.t), function* () {
            yield* genStmts(ctx, s.body);
          });
          log("timeout ok");
        } catch (e) {
          if (!(e instanceof TimeoutError)) throw e;
          log("timeout expired");
        }
        break;
      case "catch":
        try {
          yield* genStmts(ctx, s.body);
        } catch (e) {
          if (!(e instanceof CancelledError)) throw e;
          log("caught", pyRepr(e.message));
          if (s.reraise) throw e;
          if (s.uncancel) log("uncancel", currentTask()!.uncancel());
        }
        break;
      case "lock":
        yield* asyncWith(ctx.lock, function* () {
          yield* genStmts(ctx, s.body);
        });
        break;
      case "later":
        getRunningLoop().callLater(s.d, () => log(`cb${s.k}`));
        break;
      case "raise":
        throw new ValueError(`v${s.k}`);
      case "tg":
        try {
          yield* asyncWith(new TaskGroup(), function* (tg) {
            for (const sp of s.spawns) ctx.tasks.set(sp.name, tg.createTask(childCoro(ctx, sp.body, sp.name, "gen"), { name: sp.name }));
            yield* genStmts(ctx, s.after);
          });
          log("tg ok");
        } catch (e) {
          logGroup(e);
        }
        break;
      case "eset":
        ctx.event.set();
        break;
      case "eclear":
        ctx.event.clear();
        break;
      case "factory":
        getRunningLoop().setTaskFactory(s.eager ? eagerTaskFactory : null);
        break;
      case "cbtask":
        cbTaskStmt(s);
        break;
      case "ewait":
        yield* genTry("event", function* () {
          return yield* waitFor(ctx.event.wait(), s.t);
        });
        break;
      case "qput":
        queueOf(ctx, s.q).putNowait(queueItem(s.k, s.q));
        break;
      case "qget":
        yield* genTry("queue", function* () {
          return yield* waitFor(queueOf(ctx, s.q).get(), s.t);
        });
        break;
      case "ascomp":
        for (const c of asCompleted(s.names.map((n) => taskOf(ctx, n)), { timeout: s.t })) {
          let r: unknown;
          try {
            r = yield* c;
          } catch (e) {
            if (asCompletedCaught(e)) break;
            continue;
          }
          log("as_completed", fmt(r));
        }
        break;
      case "wait": {
        const [done, pending] = yield* wait(
          s.names.map((n) => taskOf(ctx, n)),
          { timeout: s.t, returnWhen: s.first ? FIRST_COMPLETED : ALL_COMPLETED },
        );
        logWait(done, pending);
        break;
      }
      case "cancelling":
        log("cancelling", currentTask()!.cancelling());
        break;
      case "inline":
        yield* genTry(`inline c${s.id}`, () => genBodyRun(ctx, s.body));
        break;
      case "wfcoro":
        yield* genTry(`wait_for c${s.id}`, function* () {
          // wait_for awaits a coroutine inline when the timeout is positive (a generator
          // task cannot drive an async function inline): a task of either style only at <= 0
          return yield* waitFor(s.t > 0 ? genBodyRun(ctx, s.body) : childCoro(ctx, s.body, s.id, "gen"), s.t);
        });
        break;
      case "gcoro":
        yield* genTry(`gather ${s.ids.map((id) => `c${id}`).join(",")}`, function* () {
          return yield* gather(...s.bodies.map((b, j) => childCoro(ctx, b, s.ids[j]!, "gen")), { returnExceptions: s.re });
        });
        break;
      case "sem":
        yield* asyncWith(ctx.sem, function* () {
          yield* genStmts(ctx, s.body);
        });
        break;
      case "csoon":
        getRunningLoop().callSoon(() => log(`cs${s.k}`));
        break;
      case "cat": {
        const loop = getRunningLoop();
        loop.callAt(loop.time() + s.d, () => log(`ca${s.k}`));
        break;
      }
      case "notify":
        yield* asyncWith(ctx.cond, function* () {
          if (s.all) ctx.cond.notifyAll();
          else ctx.cond.notify();
        });
        break;
      case "cwait":
        yield* genTry("cond", function* () {
          let r: unknown;
          yield* asyncWith(ctx.cond, function* () {
            r = yield* waitFor(ctx.cond.wait(), s.t);
          });
          return r;
        });
        break;
      case "bwait":
        yield* genTry("barrier", function* () {
          return yield* waitFor(ctx.barrier.wait(), s.t);
        });
        break;
      case "fawait":
        yield* genTry(`${s.how} ${s.f}`, function* () {
          return yield* futAwaitable(ctx, s);
        }, true);
        break;
      case "bput":
        yield* genTry("bput", function* () {
          return yield* waitFor(ctx.bqueue.put(s.k), s.t);
        }, true);
        break;
      case "qjoin":
        yield* genTry("join", function* () {
          return yield* waitFor(queueOf(ctx, s.q).join(), s.t);
        }, true);
        break;
      case "tmo": {
        const tm = newTimeout(s);
        try {
          yield* asyncWith(tm, function* () {
            yield* genStmts(ctx, s.pre);
            resched(tm, s.re);
            yield* genStmts(ctx, s.post);
          });
          log("tmo ok", tm.expired());
        } catch (e) {
          if (!(e instanceof TimeoutError)) throw e;
          log("tmo expired", tm.expired());
        }
        break;
      }
      case "bsem":
        yield* asyncWith(ctx.bsem, function* () {
          yield* genStmts(ctx, s.body);
        });
        break;
      case "fgather":
        yield* genTry(`fgather ${s.fs.join(",")}`, function* () {
          return yield* gather(...s.fs.map((f) => ctx.futs.get(f)!), { returnExceptions: s.re });
        }, true);
        break;
      case "fascomp":
        for (const c of asCompleted(s.fs.map((f) => ctx.futs.get(f)!), { timeout: s.t })) {
          let r: unknown;
          try {
            r = yield* c;
          } catch (e) {
            if (fasCaught(e)) break;
            continue;
          }
          log("fas", fmt(r));
        }
        break;
      case "acq":
        if (yield* genAcq(ctx, s.which, s.t)) {
          try {
            yield* genStmts(ctx, s.body);
          } finally {
            acqOf(ctx, s.which).release();
          }
        }
        break;
      case "babort":
        yield* ctx.barrier.abort();
        log("babort", ctx.barrier.broken);
        break;
      case "breset":
        yield* ctx.barrier.reset();
        log("breset", ctx.barrier.broken, ctx.barrier.nWaiting);
        break;
      case "fwait": {
        const [done, pending] = yield* wait(...fwaitArgs(ctx, s));
        log("fwait", done.size, pending.size);
        break;
      }
      case "cwaitfor":
        try {
          let r: unknown;
          yield* asyncWith(ctx.cond, function* () {
            r = yield* waitFor(ctx.cond.waitFor(() => ctx.event.isSet()), s.t);
          });
          log("cond_for", fmt(r));
        } catch (e) {
          if (!(e instanceof TimeoutError)) throw e;
          log("cond_for", "TimeoutError");
        }
        break;
      case "hnd":
      case "hcancel":
      case "fchain":
      case "tcb":
      case "selfcancel":
      case "storm":
      case "workers":
      case "uncancel":
      case "fwaiters":
      case "fut":
      case "fset":
      case "fcb":
      case "frm":
      case "fstate":
      case "qnow":
      case "qdone":
      case "qsize":
      case "brel":
      case "probe":
      case "tinfo":
      case "tstate":
      case "tname":
        extraNow(ctx, s, "gen");
        break;
      default:
        yield* genNetStmt(ctx.net, s);
        break;
    }
  }
}

/**
 * The program as an async-style vloop main (`mixed`: its child tasks in both
 * styles; "gen": all of them generators, its inline coroutines async).
 */
export function asyncMain(p: Program, mixed: boolean | "gen" = false): () => Promise<unknown> {
  return async () => {
    if (p.eager === true) getRunningLoop().setTaskFactory(eagerTaskFactory);
    const ctx = newCtx(mixed);
    const server = p.server;
    if (server !== undefined) {
      // mixed: generator handlers under an async main
      if (mixed !== false) await new GenCoroutine(() => genStartServer(ctx.net, server), "start_server()");
      else await asyncStartServer(ctx.net, server);
    }
    return asyncBodyRun(ctx, p.main);
  };
}

async function asyncBodyRun(ctx: Ctx, b: Body): Promise<number> {
  await asyncStmts(ctx, b.stmts);
  return b.ret;
}

async function asyncTry(tag: string, aw: () => PromiseLike<unknown>, withMessage = false): Promise<void> {
  let r: unknown;
  try {
    r = await aw();
  } catch (e) {
    caught(tag, e, withMessage);
    return;
  }
  log(tag, fmt(r));
}

async function asyncStmts(ctx: Ctx, stmts: Stmt[]): Promise<void> {
  for (const s of stmts) {
    switch (s.op) {
      case "sleep":
        await sleep(s.d);
        break;
      case "log":
        log(`s${s.k}`);
        break;
      case "spawn":
        ctx.tasks.set(s.name, createTask(childCoro(ctx, s.body, s.name, "async"), { name: s.name }));
        break;
      case "await": {
        await asyncTry(`await ${s.name}`, () => taskOf(ctx, s.name));
        break;
      }
      case "gather": {
        await asyncTry(`gather ${s.names.join(",")}`, () => gatherOf(s.names.map((n) => taskOf(ctx, n)), s.re));
        break;
      }
      case "cancel":
        log(`cancel ${s.name}`, taskOf(ctx, s.name).cancel(s.msg === undefined ? undefined : `m${s.msg}`));
        break;
      case "waitFor": {
        await asyncTry(`wait_for ${s.name}`, () => waitFor(taskOf(ctx, s.name), s.t));
        break;
      }
      case "shield": {
        await asyncTry(`shield ${s.name}`, () => shield(taskOf(ctx, s.name)));
        break;
      }
      case "timeout":
        try {
          await asyncWith(timeout(s.t), async () => {
            await asyncStmts(ctx, s.body);
          });
          log("timeout ok");
        } catch (e) {
          if (!(e instanceof TimeoutError)) throw e;
          log("timeout expired");
        }
        break;
      case "catch":
        try {
          await asyncStmts(ctx, s.body);
        } catch (e) {
          if (!(e instanceof CancelledError)) throw e;
          log("caught", pyRepr(e.message));
          if (s.reraise) throw e;
          if (s.uncancel) log("uncancel", currentTask()!.uncancel());
        }
        break;
      case "lock":
        await asyncWith(ctx.lock, async () => {
          await asyncStmts(ctx, s.body);
        });
        break;
      case "later":
        getRunningLoop().callLater(s.d, () => log(`cb${s.k}`));
        break;
      case "raise":
        throw new ValueError(`v${s.k}`);
      case "tg":
        try {
          await asyncWith(new TaskGroup(), async (tg) => {
            for (const sp of s.spawns) ctx.tasks.set(sp.name, tg.createTask(childCoro(ctx, sp.body, sp.name, "async"), { name: sp.name }));
            await asyncStmts(ctx, s.after);
          });
          log("tg ok");
        } catch (e) {
          logGroup(e);
        }
        break;
      case "eset":
        ctx.event.set();
        break;
      case "eclear":
        ctx.event.clear();
        break;
      case "factory":
        getRunningLoop().setTaskFactory(s.eager ? eagerTaskFactory : null);
        break;
      case "cbtask":
        cbTaskStmt(s);
        break;
      case "ewait":
        await asyncTry("event", () => waitFor(ctx.event.wait(), s.t));
        break;
      case "qput":
        queueOf(ctx, s.q).putNowait(queueItem(s.k, s.q));
        break;
      case "qget":
        await asyncTry("queue", () => waitFor(queueOf(ctx, s.q).get(), s.t));
        break;
      case "ascomp":
        for (const c of asCompleted(s.names.map((n) => taskOf(ctx, n)), { timeout: s.t })) {
          let r: unknown;
          try {
            r = await c;
          } catch (e) {
            if (asCompletedCaught(e)) break;
            continue;
          }
          log("as_completed", fmt(r));
        }
        break;
      case "wait": {
        const [done, pending] = await wait(
          s.names.map((n) => taskOf(ctx, n)),
          { timeout: s.t, returnWhen: s.first ? FIRST_COMPLETED : ALL_COMPLETED },
        );
        logWait(done, pending);
        break;
      }
      case "cancelling":
        log("cancelling", currentTask()!.cancelling());
        break;
      case "inline":
        await asyncTry(`inline c${s.id}`, () => asyncBodyRun(ctx, s.body));
        break;
      case "wfcoro":
        await asyncTry(`wait_for c${s.id}`, () => waitFor(s.t > 0 ? () => asyncBodyRun(ctx, s.body) : childCoro(ctx, s.body, s.id, "async"), s.t));
        break;
      case "gcoro":
        await asyncTry(`gather ${s.ids.map((id) => `c${id}`).join(",")}`, () =>
          gather(...s.bodies.map((b, j) => childCoro(ctx, b, s.ids[j]!, "async")), { returnExceptions: s.re }),
        );
        break;
      case "sem":
        await asyncWith(ctx.sem, async () => {
          await asyncStmts(ctx, s.body);
        });
        break;
      case "csoon":
        getRunningLoop().callSoon(() => log(`cs${s.k}`));
        break;
      case "cat": {
        const loop = getRunningLoop();
        loop.callAt(loop.time() + s.d, () => log(`ca${s.k}`));
        break;
      }
      case "notify":
        await asyncWith(ctx.cond, async () => {
          if (s.all) ctx.cond.notifyAll();
          else ctx.cond.notify();
        });
        break;
      case "cwait":
        await asyncTry("cond", async () => {
          let r: unknown;
          await asyncWith(ctx.cond, async () => {
            r = await waitFor(ctx.cond.wait(), s.t);
          });
          return r;
        });
        break;
      case "bwait":
        await asyncTry("barrier", () => waitFor(ctx.barrier.wait(), s.t));
        break;
      case "fawait":
        await asyncTry(`${s.how} ${s.f}`, () => futAwaitable(ctx, s), true);
        break;
      case "bput":
        await asyncTry("bput", () => waitFor(ctx.bqueue.put(s.k), s.t), true);
        break;
      case "qjoin":
        await asyncTry("join", () => waitFor(queueOf(ctx, s.q).join(), s.t), true);
        break;
      case "tmo": {
        const tm = newTimeout(s);
        try {
          await asyncWith(tm, async () => {
            await asyncStmts(ctx, s.pre);
            resched(tm, s.re);
            await asyncStmts(ctx, s.post);
          });
          log("tmo ok", tm.expired());
        } catch (e) {
          if (!(e instanceof TimeoutError)) throw e;
          log("tmo expired", tm.expired());
        }
        break;
      }
      case "bsem":
        await asyncWith(ctx.bsem, async () => {
          await asyncStmts(ctx, s.body);
        });
        break;
      case "fgather":
        await asyncTry(`fgather ${s.fs.join(",")}`, () => gather(...s.fs.map((f) => ctx.futs.get(f)!), { returnExceptions: s.re }), true);
        break;
      case "fascomp":
        for (const c of asCompleted(s.fs.map((f) => ctx.futs.get(f)!), { timeout: s.t })) {
          let r: unknown;
          try {
            r = await c;
          } catch (e) {
            if (fasCaught(e)) break;
            continue;
          }
          log("fas", fmt(r));
        }
        break;
      case "acq":
        if (await asyncAcq(ctx, s.which, s.t)) {
          try {
            await asyncStmts(ctx, s.body);
          } finally {
            acqOf(ctx, s.which).release();
          }
        }
        break;
      case "babort":
        await ctx.barrier.abort();
        log("babort", ctx.barrier.broken);
        break;
      case "breset":
        await ctx.barrier.reset();
        log("breset", ctx.barrier.broken, ctx.barrier.nWaiting);
        break;
      case "fwait": {
        const [done, pending] = await wait(...fwaitArgs(ctx, s));
        log("fwait", done.size, pending.size);
        break;
      }
      case "cwaitfor":
        try {
          let r: unknown;
          await asyncWith(ctx.cond, async () => {
            r = await waitFor(ctx.cond.waitFor(() => ctx.event.isSet()), s.t);
          });
          log("cond_for", fmt(r));
        } catch (e) {
          if (!(e instanceof TimeoutError)) throw e;
          log("cond_for", "TimeoutError");
        }
        break;
      case "hnd":
      case "hcancel":
      case "fchain":
      case "tcb":
      case "selfcancel":
      case "storm":
      case "workers":
      case "uncancel":
      case "fwaiters":
      case "fut":
      case "fset":
      case "fcb":
      case "frm":
      case "fstate":
      case "qnow":
      case "qdone":
      case "qsize":
      case "brel":
      case "probe":
      case "tinfo":
      case "tstate":
      case "tname":
        extraNow(ctx, s, "async");
        break;
      default:
        await asyncNetStmt(ctx.net, s);
        break;
    }
  }
}

function gatherOf(ts: Task<unknown>[], re: boolean) {
  return gather(...ts, { returnExceptions: re });
}
