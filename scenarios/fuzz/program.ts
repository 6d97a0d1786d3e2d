/**
 * Random asyncio programs for differential testing against CPython.
 *
 * A program is a small tree: tasks that sleep, log, spawn children (also in a
 * TaskGroup), await, gather, cancel, wait_for, shield, wait and as_completed
 * them; await coroutines inline, through wait_for or in a gather; open
 * timeout, lock, semaphore and try/except-CancelledError blocks; use an
 * Event, three kinds of Queue, a Condition and a Barrier; schedule
 * callbacks; raise. Later statements (drawn from a stream of their own, so
 * that every seed keeps the statements it had before: see GenState.extra)
 * reach further: bare futures (made with create_future, completed by
 * set_result, set_exception or cancel from the task, another task or a
 * callback; awaited plain, under wait_for, shield, gather or as_completed;
 * done callbacks added, removed, chained), queues without waiting
 * (QueueEmpty, QueueFull on a bounded queue), Queue.join and task_done
 * (worker tasks too), Timeout objects (timeout_at, when, reschedule,
 * expired), acquires that time out, BoundedSemaphore over-release, Barrier
 * abort and reset, Condition.wait_for, callback handles cancelled, timer
 * storms past asyncio's heap clean-up, task names, all_tasks, done,
 * cancelled, cancelling, self-cancellation and uncancel. The same tree is printed as a Python program for the
 * CPython recorder (`toPython`) and interpreted by vloop in both coroutine
 * styles (`genMain`, `asyncMain`, and mixed: child tasks of both styles);
 * all must log the same lines.
 *
 * The grammar keeps programs finite and well-formed: a body awaits only the
 * children it spawned itself, earlier, at its own top level (so no task waits
 * on itself or on a name that was never created), blocks do not spawn, and a
 * `raise` only ends a body; a future or a callback handle is made at a
 * body's top level and used only after, in that body and in the children
 * it spawns after (as the network grammar's connections). Everything else (deadlocks on the lock, swallowed
 * cancellations, timeouts racing results) is fair game: CPython decides.
 *
 * The two interpreters below are the same walk written twice, once with
 * `yield*` and once with `await`: that is the point (both styles are under
 * test), so they are kept side by side, case for case.
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
import { Prng } from "../../src/util/random.js";
import { KeyError, ValueError, log, py, pyRepr } from "../harness.js";
import {
  NET_OPS,
  type NetCtx,
  type NetServer,
  type NetStmt,
  PY_PRELUDE,
  asyncNetStmt,
  asyncStartServer,
  genConn,
  genNetStmt,
  genNetUse,
  genServer,
  genStartServer,
  netStmtPy,
  newNetCtx,
  serverPy,
  startServerPy,
} from "./net.js";

export type Stmt =
  | { op: "sleep"; d: number }
  | { op: "log"; k: number }
  | { op: "spawn"; name: string; body: Body }
  | { op: "await"; name: string }
  | { op: "gather"; names: string[]; re: boolean }
  | { op: "cancel"; name: string; msg?: number }
  | { op: "waitFor"; name: string; t: number }
  | { op: "shield"; name: string }
  | { op: "timeout"; t: number; body: Stmt[] }
  | { op: "catch"; body: Stmt[]; reraise: boolean; uncancel?: boolean }
  | { op: "lock"; body: Stmt[] }
  | { op: "later"; d: number; k: number }
  | { op: "raise"; k: number }
  | { op: "tg"; spawns: { name: string; body: Body }[]; after: Stmt[] }
  | { op: "eset" }
  | { op: "eclear" }
  | { op: "ewait"; t: number }
  | { op: "qput"; k: number; q?: "p" | "l" }
  | { op: "qget"; t: number; q?: "p" | "l" | "b" }
  | { op: "ascomp"; names: string[]; t: number | null }
  | { op: "wait"; names: string[]; t: number | null; first: boolean }
  | { op: "cancelling" }
  | { op: "inline"; id: number; body: Body }
  | { op: "wfcoro"; id: number; body: Body; t: number }
  | { op: "gcoro"; ids: number[]; bodies: Body[]; re: boolean }
  | { op: "sem"; body: Stmt[] }
  | { op: "csoon"; k: number }
  | { op: "cat"; d: number; k: number }
  | { op: "notify"; all: boolean }
  | { op: "cwait"; t: number }
  | { op: "bwait"; t: number }
  // bare futures (F["f1"] = loop.create_future()), made at a body's top level
  | { op: "fut"; f: string }
  | { op: "fset"; f: string; how: FutSet; via: "now" | "soon" | "later"; d: number; k: number }
  | { op: "fawait"; f: string; how: "await" | "waitFor" | "shield" | "gather"; t: number | null }
  // several futures (a name twice: the same argument twice) gathered, or as_completed
  | { op: "fgather"; fs: string[]; re: boolean }
  | { op: "fascomp"; fs: string[]; t: number | null }
  | { op: "uncancel" }
  // tasks ("x<id>_<j>") that each await the future, in one of fawait's ways, and log the outcome
  | { op: "fwaiters"; f: string; id: number; hows: { how: "await" | "waitFor" | "shield" | "gather"; t: number | null }[] }
  | { op: "fcb"; f: string; k: number }
  | { op: "frm"; f: string; k: number }
  | { op: "fstate"; f: string }
  // queues without waiting, Queue.join/task_done, a bounded queue ("b": Queue(2))
  | { op: "qnow"; put: boolean; k: number; q?: "b" }
  | { op: "bput"; k: number; t: number }
  | { op: "qjoin"; t: number; q?: "b" }
  | { op: "qdone"; q?: "b" }
  | { op: "qsize"; q?: "b" }
  // a Timeout as a value: timeout_at, when(), reschedule() between two blocks of statements, expired()
  | { op: "tmo"; id: number; at: boolean; t: number | null; re: number | null; pre: Stmt[]; post: Stmt[] }
  | { op: "bsem"; body: Stmt[] }
  | { op: "brel" }
  | { op: "probe" }
  | { op: "tinfo" }
  | { op: "tstate"; name: string }
  | { op: "tname"; name: string; k: number }
  // acquire under wait_for (a cancelled acquire), the body, release
  | { op: "acq"; which: "L" | "S" | "BS"; t: number; body: Stmt[] }
  | { op: "babort" }
  | { op: "breset" }
  // a callback's handle (H["h1"]), made at a body's top level, and its cancel()
  | { op: "hnd"; h: string; d: number | null; k: number }
  | { op: "hcancel"; h: string }
  // F[f]'s done callback completes F[g]
  | { op: "fchain"; f: string; g: string; k: number }
  // asyncio.wait over futures and this body's children
  | { op: "fwait"; fs: string[]; names: string[]; t: number | null; when: "FIRST_COMPLETED" | "FIRST_EXCEPTION" | "ALL_COMPLETED" }
  | { op: "cwaitfor"; t: number }
  // a done callback on a task; the task cancelling itself; many timers, most of them cancelled
  | { op: "tcb"; name: string; k: number }
  | { op: "selfcancel"; msg?: number }
  | { op: "storm"; k: number; n: number }
  // n worker tasks ("w<id>_<j>") that get items for ever, sleep, task_done (shutdown cancels them)
  | { op: "workers"; id: number; n: number; q?: "b" }
  // --eager: the loop's task factory switched mid-program (eager_task_factory, or None: the default)
  | { op: "factory"; eager: boolean }
  // --eager: a callback (call_soon, or call_later(at)) makes a task, with no task current (d: its sleep, or none)
  | { op: "cbtask"; k: number; at: number | null; d: number | null }
  | NetStmt;

/** How fset completes a future: set_result, set_exception, cancel(), cancel("m<k>"). */
export type FutSet = "r" | "e" | "c" | "cm";

export interface Body {
  stmts: Stmt[];
  /** what the body returns (unless it raised) */
  ret: number;
}

export interface Program {
  main: Body;
  /** a network program's server (scenarios/fuzz/net.ts), started before main's body */
  server?: NetServer;
  /** --eager: main's first statement sets asyncio.eager_task_factory (see eagerProgram) */
  eager?: boolean;
}

// ------------------------------------------------------------------ generating

/** Delays that make ties, float sums (0.1 + 0.2) and zero-delay yields likely. */
const DELAYS = [0, 0, 0.1, 0.2, 0.3, 0.5, 1, 1, 1.5, 2.5];
const TIMEOUTS = [0, 0.1, 0.3, 0.5, 1, 2, 5];

interface GenState {
  rng: Prng;
  tasks: number;
  labels: number;
  /** the network grammar is on (randomNetProgram) */
  net: boolean;
  /** connections opened so far */
  conns: number;
  /** the connections the body being generated may use (its own and its ancestors', opened before it) */
  scope: string[];
  /**
   * The statements added after the first grammar (futures, Queue.join, Timeout
   * objects, ...) are drawn from a stream of their own with labels of their own
   * (from 1000), so that a seed's program keeps every statement it had before,
   * with the new ones in between (`onExtra`).
   */
  extra: Prng;
  xlabels: number;
  onExtra: boolean;
  /** no added statements at all (randomProgram's firstRound; the network grammar) */
  noExtra: boolean;
  /** the futures the body being generated may use (made at its top level or its ancestors', before it) */
  futs: string[];
  futCount: number;
  /** the callback handles the body being generated may cancel (as futs) */
  hnds: string[];
  hndCount: number;
  workers: number;
  /** the done-callback labels used so far */
  cbs: number[];
}

function pick<T>(rng: Prng, xs: readonly T[]): T {
  return xs[rng.below(xs.length)]!;
}

/**
 * A random program, a pure function of the seed. `firstRound`: without the
 * statements added later (GenState.extra), the program the seed made before
 * them (for tests that pinned a seed's program).
 */
export function randomProgram(seed: string | number, options: { firstRound?: boolean } = {}): Program {
  const st = newGenState(`fuzz:${seed}`, false, seed);
  if (options.firstRound === true) st.noExtra = true;
  return { main: genBody(st, 0) };
}

/** A random program of the network grammar (a server, connections), a pure function of the seed. */
export function randomNetProgram(seed: string | number, options: { added?: boolean } = {}): Program {
  const st = newGenState(`fuzz-net:${seed}`, true, seed);
  // `added`: with the tasks grammar's added statements too (npm run fuzz -- --net --added); off, the
  // programs are the ones the network grammar always made
  if (options.added === true) st.noExtra = false;
  const server = genServer(st.rng);
  return { main: genBody(st, 0), server };
}

/** Where a statement may be inserted into a list at most: before a body's closing raise, never after it (unreachable). */
function endOf(list: Stmt[]): number {
  return list.length > 0 && list[list.length - 1]!.op === "raise" ? list.length - 1 : list.length;
}

/**
 * `p` under asyncio's eager_task_factory (npm run fuzz -- --eager): main's
 * first statement sets it; a quarter of the seeds (from a stream of their
 * own, `fuzz-eager:<seed>`, so `p` itself is the seed's program unchanged)
 * also switch the factory off (None) or on again, one to three times, at
 * random places in any body (the factory is the loop's: a child's switch holds
 * for every task made after it); and a third (stream `fuzz-eager-cb:<seed>`)
 * have one or two callbacks (call_soon, call_later) that make a task, which
 * starts eagerly with no task current before it.
 */
export function eagerProgram(p: Program, seed: string | number): Program {
  const out = JSON.parse(JSON.stringify(p)) as Program;
  out.eager = true;
  const rng = new Prng(`fuzz-eager:${seed}`);
  const lists: Stmt[][] = [];
  const walk = (stmts: Stmt[]): void => {
    lists.push(stmts);
    for (const s of stmts) {
      if (s.op === "spawn" || s.op === "inline" || s.op === "wfcoro") walk(s.body.stmts);
      else if (s.op === "tg") {
        for (const sp of s.spawns) walk(sp.body.stmts);
        walk(s.after);
      } else if (s.op === "gcoro") for (const b of s.bodies) walk(b.stmts);
      else if (s.op === "tmo") {
        walk(s.pre);
        walk(s.post);
      } else if ("body" in s && Array.isArray(s.body)) walk(s.body);
    }
  };
  walk(out.main.stmts);
  if (rng.next() < 0.25) {
    const n = 1 + rng.below(3);
    for (let i = 0; i < n; i++) {
      const list = lists[rng.below(lists.length)]!;
      list.splice(rng.below(endOf(list) + 1), 0, { op: "factory", eager: rng.next() < 0.4 });
    }
  }
  // a third of the seeds: one or two callbacks that make tasks (their own stream)
  const cbs = new Prng(`fuzz-eager-cb:${seed}`);
  if (cbs.next() < 0.33) {
    const m = 1 + cbs.below(2);
    for (let i = 0; i < m; i++) {
      const list = lists[cbs.below(lists.length)]!;
      const at = cbs.next() < 0.5 ? null : pick(cbs, DELAYS);
      const d = cbs.next() < 0.4 ? null : pick(cbs, DELAYS);
      list.splice(cbs.below(endOf(list) + 1), 0, { op: "cbtask", k: 900 + i, at, d });
    }
  }
  return out;
}

function newGenState(key: string, net: boolean, seed: string | number): GenState {
  return {
    rng: new Prng(key),
    tasks: 0,
    labels: 0,
    net,
    conns: 0,
    scope: [],
    extra: new Prng(`fuzz-extra:${seed}`),
    xlabels: 999,
    onExtra: false,
    noExtra: net,
    futs: [],
    futCount: 0,
    hnds: [],
    hndCount: 0,
    workers: 0,
    cbs: [],
  };
}

/** Runs `fn` on the extra stream and labels (see GenState.extra). */
function onExtra<T>(st: GenState, fn: () => T): T {
  if (st.onExtra) return fn();
  const [rng, labels] = [st.rng, st.labels];
  st.rng = st.extra;
  st.labels = st.xlabels;
  st.onExtra = true;
  try {
    return fn();
  } finally {
    st.xlabels = st.labels;
    st.rng = rng;
    st.labels = labels;
    st.onExtra = false;
  }
}

/** Whether to add an extra statement here (never in the network grammar, whose seeds keep their programs). */
function extraHere(st: GenState, p: number): boolean {
  return !st.noExtra && st.extra.next() < p;
}

function genBody(st: GenState, depth: number): Body {
  const { rng } = st;
  const mine: string[] = [];
  const stmts: Stmt[] = [];
  const n = 1 + rng.below(depth === 0 ? 10 : 6);
  const scopeLength = st.scope.length;
  const [futsLength, hndsLength] = [st.futs.length, st.hnds.length];
  for (let i = 0; i < n; i++) {
    if (extraHere(st, 0.3)) stmts.push(onExtra(st, () => genExtra(st, mine, true, 1)));
    if (st.net) {
      // network statements (only drawn in the network grammar, so the other seeds keep their programs)
      const q = rng.next();
      if (q < 0.35) {
        if (st.conns < 4 && (st.scope.length === 0 || q < 0.07)) {
          const c = `n${++st.conns}`;
          stmts.push(genConn(rng, c));
          st.scope.push(c);
          continue;
        }
        if (st.scope.length > 0) {
          stmts.push(genNetUse(rng, st.scope, depth === 0));
          continue;
        }
      }
    }
    const r = rng.next();
    if (r < 0.12 && depth < 3 && st.tasks < 8) {
      const name = `t${++st.tasks}`;
      stmts.push({ op: "spawn", name, body: genBody(st, depth + 1) });
      mine.push(name);
    } else if (r < 0.2 && depth < 3 && st.tasks < 8) {
      // two children in a row: equal start times, the usual race
      for (let j = 0; j < 2; j++) {
        const name = `t${++st.tasks}`;
        stmts.push({ op: "spawn", name, body: genBody(st, depth + 1) });
        mine.push(name);
      }
    } else if (r < 0.25 && depth < 3 && st.tasks < 7) {
      // a TaskGroup block: its children, then a few statements
      const spawns: { name: string; body: Body }[] = [];
      const k = 1 + st.rng.below(3);
      for (let j = 0; j < k && st.tasks < 8; j++) spawns.push({ name: `t${++st.tasks}`, body: genBody(st, depth + 1) });
      const after: Stmt[] = [];
      const m = st.rng.below(3);
      for (let j = 0; j < m; j++) after.push(genSimple(st, [], depth, 2));
      if (st.rng.next() < 0.15) after.push({ op: "raise", k: ++st.labels });
      if (extraHere(st, 0.5)) {
        // inside the group: cancel one of its children, or an added statement that may name them
        const names = spawns.map((sp) => sp.name);
        onExtra(st, () => {
          const at = st.rng.below(after.length + 1);
          const x: Stmt = st.rng.next() < 0.4 ? { op: "cancel", name: pick(st.rng, names) } : genExtra(st, names, false, 2);
          after.splice(at, 0, x);
        });
      }
      stmts.push({ op: "tg", spawns, after });
      for (const sp of spawns) mine.push(sp.name);
    } else if (r < 0.31 && depth < 3 && st.tasks < 8) {
      // a coroutine awaited without a task of its own, through wait_for (a task, default name), or gathered
      const k = st.rng.next();
      if (k < 0.35) stmts.push({ op: "inline", id: ++st.labels, body: genBody(st, depth + 1) });
      else if (k < 0.7) stmts.push({ op: "wfcoro", id: ++st.labels, body: genBody(st, depth + 1), t: pick(st.rng, TIMEOUTS) });
      else {
        const n = 1 + st.rng.below(3);
        const ids: number[] = [];
        const bodies: Body[] = [];
        for (let j = 0; j < n; j++) {
          ids.push(++st.labels);
          bodies.push(genBody(st, depth + 1));
        }
        stmts.push({ op: "gcoro", ids, bodies, re: st.rng.next() < 0.5 });
      }
    } else if (r < 0.75 || mine.length === 0) {
      stmts.push(genSimple(st, mine, depth, 1));
    } else {
      stmts.push(genUse(st, mine));
    }
  }
  if (rng.next() < 0.12) stmts.push({ op: "raise", k: ++st.labels });
  st.scope.length = scopeLength;
  st.futs.length = futsLength;
  st.hnds.length = hndsLength;
  return { stmts, ret: ++st.labels };
}

/** Which queue: mostly the FIFO Queue, sometimes the PriorityQueue ("p") or the LifoQueue ("l"). */
function withQueue<S extends Stmt & { q?: "p" | "l" }>(rng: Prng, s: S): S {
  const r = rng.next();
  if (r < 0.2) s.q = "p";
  else if (r < 0.35) s.q = "l";
  return s;
}

/** A statement that uses one or more of this body's children. */
function genUse(st: GenState, mine: string[]): Stmt {
  const { rng } = st;
  const name = pick(rng, mine);
  const r = rng.next();
  if (r < 0.3) return { op: "await", name };
  if (r < 0.5) {
    const names = mine.filter(() => rng.next() < 0.7);
    if (names.length === 0) names.push(name);
    if (rng.next() < 0.2) names.push(name); // a duplicate argument
    return { op: "gather", names, re: rng.next() < 0.5 };
  }
  if (r < 0.7) return rng.next() < 0.4 ? { op: "cancel", name, msg: ++st.labels } : { op: "cancel", name };
  if (r < 0.8) return { op: "waitFor", name, t: pick(rng, TIMEOUTS) };
  if (r < 0.9) {
    const names = [...new Set(mine.filter(() => rng.next() < 0.6))];
    if (names.length === 0) names.push(name);
    const t = rng.next() < 0.4 ? null : pick(rng, TIMEOUTS);
    return rng.next() < 0.6 ? { op: "wait", names, t, first: rng.next() < 0.5 } : { op: "ascomp", names, t };
  }
  return { op: "shield", name };
}

/** A statement that spawns nothing; blocks nest up to `level` 3. */
function genSimple(st: GenState, mine: string[], depth: number, level: number): Stmt {
  const { rng } = st;
  if (st.net && st.scope.length > 0 && rng.next() < 0.25) return genNetUse(rng, st.scope, false);
  const r = rng.next();
  if (r < 0.38) return { op: "sleep", d: pick(rng, DELAYS) };
  if (r < 0.48) return { op: "log", k: ++st.labels };
  if (r < 0.52) return { op: "later", d: pick(rng, DELAYS), k: ++st.labels };
  if (r < 0.56) return { op: "eset" };
  if (r < 0.57) return { op: "eclear" };
  if (r < 0.61) return { op: "ewait", t: pick(rng, TIMEOUTS) };
  if (r < 0.64) return withQueue(rng, { op: "qput", k: ++st.labels });
  if (r < 0.67) return withQueue(rng, { op: "qget", t: pick(rng, TIMEOUTS) });
  if (r < 0.69) return { op: "cancelling" };
  if (r < 0.71) return { op: "csoon", k: ++st.labels };
  if (r < 0.73) return { op: "cat", d: pick(rng, DELAYS), k: ++st.labels };
  if (r < 0.75) return { op: "notify", all: rng.next() < 0.4 };
  if (r < 0.77) return { op: "cwait", t: pick(rng, TIMEOUTS) };
  if (r < 0.79) return { op: "bwait", t: pick(rng, TIMEOUTS) };
  if (level >= 3) return { op: "sleep", d: pick(rng, DELAYS) };
  const inner: Stmt[] = [];
  const m = 1 + rng.below(3);
  for (let i = 0; i < m; i++) {
    if (extraHere(st, 0.15)) inner.push(onExtra(st, () => genExtra(st, mine, false, level + 1)));
    inner.push(mine.length > 0 && rng.next() < 0.3 ? genUse(st, mine) : genSimple(st, mine, depth, level + 1));
  }
  if (rng.next() < 0.1) inner.push({ op: "raise", k: ++st.labels });
  if (r < 0.88) return { op: "timeout", t: pick(rng, TIMEOUTS), body: inner };
  if (r < 0.94) {
    const reraise = rng.next() < 0.5;
    return reraise || rng.next() < 0.5 ? { op: "catch", body: inner, reraise } : { op: "catch", body: inner, reraise, uncancel: true };
  }
  if (r < 0.97) return { op: "sem", body: inner };
  return { op: "lock", body: inner };
}

const RESCHEDULES = [null, 0, 0.1, 0.5, 1, 2, -1];

/**
 * One of the statements added after the first grammar (see GenState.extra):
 * bare futures, queues without waiting and Queue.join, Timeout objects,
 * BoundedSemaphore, and what tasks and primitives report about themselves.
 * Blocks nest up to `level` 3; `top`: a body's top level, where futures are made.
 */
function genExtra(st: GenState, mine: string[], top: boolean, level: number): Stmt {
  const { rng } = st;
  const r = rng.next();
  if (top && st.futs.length < 3 && r < (st.futs.length === 0 ? 0.25 : 0.08)) {
    const f = `f${++st.futCount}`;
    st.futs.push(f);
    return { op: "fut", f };
  }
  if (st.futs.length > 0 && r < 0.6) {
    const f = pick(rng, st.futs);
    const u = rng.next();
    if (u < 0.35) {
      const h = rng.next();
      const how: FutSet = h < 0.35 ? "r" : h < 0.55 ? "e" : h < 0.8 ? "c" : "cm";
      const v = rng.next();
      const via = v < 0.4 ? "now" : v < 0.7 ? "soon" : "later";
      return { op: "fset", f, how, via, d: via === "later" ? pick(rng, DELAYS) : 0, k: ++st.labels };
    }
    if (u < 0.45) {
      const hows: { how: "await" | "waitFor" | "shield" | "gather"; t: number | null }[] = [];
      const n = 1 + rng.below(3);
      for (let j = 0; j < n; j++) {
        const how = pick(rng, ["await", "waitFor", "waitFor", "shield", "gather"] as const);
        hows.push({ how, t: how === "waitFor" ? pick(rng, TIMEOUTS) : 0 });
      }
      return { op: "fwaiters", f, id: ++st.labels, hows };
    }
    if (u < 0.65) {
      const h = rng.next();
      const how = h < 0.3 ? "await" : h < 0.7 ? "waitFor" : h < 0.85 ? "shield" : "gather";
      return { op: "fawait", f, how, t: how === "waitFor" ? (rng.next() < 0.1 ? null : pick(rng, TIMEOUTS)) : 0 };
    }
    if (u < 0.72) {
      const fs = st.futs.filter(() => rng.next() < 0.6);
      if (fs.length === 0) fs.push(f);
      if (rng.next() < 0.2) fs.push(f);
      if (rng.next() < 0.6) return { op: "fgather", fs, re: rng.next() < 0.5 };
      return { op: "fascomp", fs: [...new Set(fs)], t: rng.next() < 0.4 ? null : pick(rng, TIMEOUTS) };
    }
    if (u < 0.8) {
      const k = st.cbs.length > 0 && rng.next() < 0.3 ? pick(rng, st.cbs) : ++st.labels;
      if (!st.cbs.includes(k)) st.cbs.push(k);
      return { op: "fcb", f, k };
    }
    if (u < 0.9) return { op: "frm", f, k: st.cbs.length > 0 && rng.next() < 0.85 ? pick(rng, st.cbs) : ++st.labels };
    return { op: "fstate", f };
  }
  if (top && st.hnds.length < 2 && r >= 0.6 && r < 0.64) {
    const h = `h${++st.hndCount}`;
    st.hnds.push(h);
    return { op: "hnd", h, d: rng.next() < 0.3 ? null : rng.next() < 0.1 ? -1 : pick(rng, DELAYS), k: ++st.labels };
  }
  if (st.hnds.length > 0 && r >= 0.64 && r < 0.68) return { op: "hcancel", h: pick(rng, st.hnds) };
  if (top && st.workers < 2 && r >= 0.86 && r < 0.9) {
    st.workers++;
    return rng.next() < 0.5 ? { op: "workers", id: ++st.labels, n: 1 + rng.below(3), q: "b" } : { op: "workers", id: ++st.labels, n: 1 + rng.below(3) };
  }
  if (r >= 0.8 && r < 0.86) {
    const v = rng.next();
    if (mine.length > 0 && v < 0.4) return { op: "tcb", name: pick(rng, mine), k: ++st.labels };
    if (v < 0.65) return rng.next() < 0.3 ? { op: "selfcancel", msg: ++st.labels } : { op: "selfcancel" };
    if (v < 0.8) return { op: "uncancel" };
    return { op: "storm", k: ++st.labels, n: pick(rng, [20, 120, 160]) };
  }
  if (r >= 0.68 && r < 0.8) {
    // a second batch: futures chained and waited with tasks, acquires that time out, barrier resets
    const v = rng.next();
    if (st.futs.length > 0 && v < 0.2) return { op: "fchain", f: pick(rng, st.futs), g: pick(rng, st.futs), k: ++st.labels };
    if (st.futs.length + mine.length > 0 && v < 0.45) {
      const fs = [...new Set(st.futs.filter(() => rng.next() < 0.6))];
      const names = [...new Set(mine.filter(() => rng.next() < 0.5))];
      if (fs.length + names.length === 0) {
        if (st.futs.length > 0) fs.push(pick(rng, st.futs));
        else names.push(pick(rng, mine));
      }
      const w = rng.next();
      const when = w < 0.35 ? "FIRST_COMPLETED" : w < 0.7 ? "FIRST_EXCEPTION" : "ALL_COMPLETED";
      return { op: "fwait", fs, names, t: rng.next() < 0.3 ? null : pick(rng, TIMEOUTS), when };
    }
    if (v >= 0.45 && v < 0.5) return { op: "babort" };
    if (v >= 0.5 && v < 0.58) return { op: "breset" };
    if (v >= 0.58 && v < 0.72) return { op: "cwaitfor", t: pick(rng, TIMEOUTS) };
    if (v >= 0.72 && level < 3) {
      const body: Stmt[] = [];
      const m = rng.below(3);
      for (let i = 0; i < m; i++) body.push(rng.next() < 0.3 ? genExtra(st, mine, false, level + 1) : genSimple(st, mine, 0, level + 1));
      return { op: "acq", which: pick(rng, ["L", "S", "S", "BS"] as const), t: pick(rng, TIMEOUTS), body };
    }
  }
  const q = rng.next();
  if (q < 0.1) return rng.next() < 0.6 ? { op: "qnow", put: true, k: ++st.labels, q: "b" } : { op: "qnow", put: true, k: ++st.labels };
  if (q < 0.18) return rng.next() < 0.5 ? { op: "qnow", put: false, k: 0, q: "b" } : { op: "qnow", put: false, k: 0 };
  if (q < 0.24) return { op: "bput", k: ++st.labels, t: pick(rng, TIMEOUTS) };
  if (q < 0.29) return { op: "qget", t: pick(rng, TIMEOUTS), q: "b" };
  if (q < 0.35) return rng.next() < 0.4 ? { op: "qjoin", t: pick(rng, TIMEOUTS), q: "b" } : { op: "qjoin", t: pick(rng, TIMEOUTS) };
  if (q < 0.42) return rng.next() < 0.4 ? { op: "qdone", q: "b" } : { op: "qdone" };
  if (q < 0.46) return rng.next() < 0.5 ? { op: "qsize", q: "b" } : { op: "qsize" };
  if (q < 0.53) return { op: "brel" };
  if (q < 0.6) return { op: "probe" };
  if (q < 0.67) return { op: "tinfo" };
  if (q < 0.77 && mine.length > 0) return rng.next() < 0.7 ? { op: "tstate", name: pick(rng, mine) } : { op: "tname", name: pick(rng, mine), k: ++st.labels };
  if (level >= 3) return { op: "probe" };
  const block = (): Stmt[] => {
    const out: Stmt[] = [];
    const m = rng.below(3);
    for (let i = 0; i < m; i++) {
      out.push(rng.next() < 0.4 ? genExtra(st, mine, false, level + 1) : mine.length > 0 && rng.next() < 0.2 ? genUse(st, mine) : genSimple(st, mine, 0, level + 1));
    }
    return out;
  };
  if (q < 0.9) {
    const id = ++st.labels;
    const at = rng.next() < 0.5;
    const t = rng.next() < 0.15 ? null : pick(rng, TIMEOUTS);
    const re = pick(rng, RESCHEDULES);
    return { op: "tmo", id, at, t, re, pre: block(), post: block() };
  }
  const body = block();
  if (body.length === 0) body.push({ op: "sleep", d: pick(rng, DELAYS) });
  return { op: "bsem", body };
}

// ------------------------------------------------------------------ Python

/** A delay as Python source (the delays used print the same in both languages). */
function pyNum(x: number): string {
  return String(x);
}

/** The program as Python source for the recorder (which provides `log`). */
export function toPython(p: Program): string {
  const defs: string[] = [];
  const body = (b: Body, fname: string): void => {
    const lines: string[] = [`async def ${fname}():`];
    stmtsPy(b.stmts, "    ", lines, defs, body);
    lines.push(`    return ${b.ret}`);
    defs.push(lines.join("\n"));
  };
  body(p.main, "main_body");
  return [
    "import asyncio",
    "",
    "T = {}",
    "F = {}",
    "H = {}",
    "CB = {}",
    "L = E = Q = S = C = B = PQ = LQ = BQ = BS = None",
    "",
    "",
    "def fmt(v):",
    "    if isinstance(v, list):",
    '        return "[" + ",".join(fmt(x) for x in v) + "]"',
    "    if isinstance(v, BaseException):",
    "        return type(v).__name__",
    "    return str(v)",
    "",
    "",
    ...PY_EXTRA,
    "",
    "",
    ...(p.eager === true ? [...PY_CBTASK, "", ""] : []),
    ...(p.server === undefined ? [] : [PY_PRELUDE, "", ...serverPy(p.server).map((d) => `${d}\n\n`)]),
    ...defs.map((d) => `${d}\n\n`),
    "async def main():",
    "    global L, E, Q, S, C, B, PQ, LQ, BQ, BS",
    ...(p.eager === true ? ["    asyncio.get_running_loop().set_task_factory(asyncio.eager_task_factory)"] : []),
    "    L, E, Q, S = asyncio.Lock(), asyncio.Event(), asyncio.Queue(), asyncio.Semaphore(2)",
    "    C, B = asyncio.Condition(), asyncio.Barrier(2)",
    "    PQ, LQ = asyncio.PriorityQueue(), asyncio.LifoQueue()",
    "    BQ, BS = asyncio.Queue(2), asyncio.BoundedSemaphore(1)",
    ...(p.server === undefined ? [] : startServerPy(p.server)),
    "    return await main_body()",
    "",
  ].join("\n");
}

/** The Python of the cbtask statement (eager programs only); cbTaskStmt is its TypeScript. */
const PY_CBTASK = [
  "async def cbtask_body(k, d):",
  '    log("cbtask", k, "runs")',
  "    if d is not None:",
  "        await asyncio.sleep(d)",
  '    log("cbtask", k, "ends")',
  "    return k",
  "",
  "",
  "def cbtask(k, d):",
  "    t = asyncio.create_task(cbtask_body(k, d))",
  '    log("cbtask", k, "made", t.get_name(), t.done(), asyncio.current_task())',
];

/** The Python helpers of the statements added after the first grammar; `Ctx`'s methods below are their TypeScript. */
const PY_EXTRA = [
  "def fstate(f):",
  "    if not f.done():",
  '        return "pending"',
  "    if f.cancelled():",
  '        return "cancelled"',
  "    e = f.exception()",
  "    return str(f.result()) if e is None else type(e).__name__",
  "",
  "",
  "def fdo(name, how, k):",
  "    f = F[name]",
  '    if how in ("c", "cm"):',
  '        log("fcancel", name, f.cancel() if how == "c" else f.cancel("m%d" % k))',
  "        return",
  "    try:",
  '        if how == "r":',
  "            f.set_result(k)",
  "        else:",
  '            f.set_exception(ValueError("v%d" % k))',
  '        log("fset", name, "ok")',
  "    except asyncio.InvalidStateError:",
  '        log("fset", name, "InvalidStateError")',
  "",
  "",
  "def cb(k):",
  "    if k not in CB:",
  '        CB[k] = lambda f: log("fcb%d" % k, fstate(f))',
  "    return CB[k]",
  "",
  "",
  "def rel(when):",
  "    if when is None:",
  '        return "None"',
  "    return round((when - asyncio.get_running_loop().time()) * 1000)",
  "",
  "",
  "def resched(tm, re):",
  '    log("when", rel(tm.when()), tm.expired())',
  "    try:",
  "        tm.reschedule(None if re is None else asyncio.get_running_loop().time() + re)",
  '        log("resched", rel(tm.when()))',
  "    except RuntimeError as e:",
  '        log("resched", "RuntimeError", repr(str(e)))',
  "",
  "",
  "async def acq(name, x, t):",
  "    try:",
  "        await asyncio.wait_for(x.acquire(), t)",
  "    except TimeoutError:",
  '        log("acq", name, "TimeoutError")',
  "        return False",
  '    log("acq", name, "ok")',
  "    return True",
  "",
  "",
  "def storm(k, n):",
  "    loop = asyncio.get_running_loop()",
  '    hs = [loop.call_later((i * 7 % 5) * 0.1, log, "st%d.%d" % (k, i)) for i in range(n)]',
  "    for i in range(n):",
  "        if i % 3 != 0:",
  "            hs[i].cancel()",
  "",
  "",
  "def selfcancel(msg):",
  "    t = asyncio.current_task()",
  '    if t.get_name() != "main":',
  '        log("selfcancel", t.cancel() if msg is None else t.cancel(msg))',
  "",
  "",
  "async def worker(q):",
  "    while True:",
  "        item = await q.get()",
  '        log("work", item)',
  "        await asyncio.sleep((item % 3) * 0.1)",
  "        q.task_done()",
  "",
  "",
  "async def fwaiter(f, how, t):",
  "    fut = F[f]",
  '    aw = fut if how == "await" else asyncio.wait_for(fut, t) if how == "waitFor" else asyncio.shield(fut) if how == "shield" else asyncio.gather(fut)',
  "    try:",
  "        r = await aw",
  '        log(how, f, fmt(r))',
  "    except TimeoutError:",
  '        log(how, f, "TimeoutError")',
  "    except asyncio.CancelledError as e:",
  '        log(how, f, "CancelledError", repr(str(e)))',
  "    except Exception as e:",
  '        log(how, f, type(e).__name__, repr(str(e)))',
  "",
  "",
  "def now(what, fn):",
  "    try:",
  "        log(what, fmt(fn()))",
  "    except Exception as e:",
  "        log(what, type(e).__name__, repr(str(e)))",
];

function pyQueue(q: "p" | "l" | "b" | undefined): string {
  return q === "p" ? "PQ" : q === "l" ? "LQ" : q === "b" ? "BQ" : "Q";
}

/** What a queue put puts: the label, or for the priority queue a priority that is not in label order. */
function queueItem(k: number, q: "p" | "l" | "b" | undefined): number {
  return q === "p" ? (k * 7) % 10 : k;
}

/** `withMessage`: the message of a CancelledError or other exception is logged too (the added statements). */
function tryPy(ind: string, lines: string[], expr: string, tag: string, withMessage = false): void {
  const m = withMessage ? ", repr(str(e))" : "";
  lines.push(`${ind}try:`);
  lines.push(`${ind}    r = await ${expr}`);
  lines.push(`${ind}    log("${tag}", fmt(r))`);
  lines.push(`${ind}except TimeoutError:`);
  lines.push(`${ind}    log("${tag}", "TimeoutError")`);
  lines.push(`${ind}except asyncio.CancelledError${withMessage ? " as e" : ""}:`);
  lines.push(`${ind}    log("${tag}", "CancelledError"${m})`);
  lines.push(`${ind}except Exception as e:`);
  lines.push(`${ind}    log("${tag}", type(e).__name__${m})`);
}

function stmtsPy(stmts: Stmt[], ind: string, lines: string[], defs: string[], body: (b: Body, f: string) => void, mayBeEmpty = false): void {
  if (stmts.length === 0 && !mayBeEmpty) lines.push(`${ind}pass`);
  for (const s of stmts) {
    switch (s.op) {
      case "sleep":
        lines.push(`${ind}await asyncio.sleep(${pyNum(s.d)})`);
        break;
      case "log":
        lines.push(`${ind}log("s${s.k}")`);
        break;
      case "spawn":
        body(s.body, `b_${s.name}`);
        lines.push(`${ind}T["${s.name}"] = asyncio.create_task(b_${s.name}(), name="${s.name}")`);
        break;
      case "await":
        tryPy(ind, lines, `T["${s.name}"]`, `await ${s.name}`);
        break;
      case "gather":
        tryPy(ind, lines, `asyncio.gather(${s.names.map((n) => `T["${n}"]`).join(", ")}, return_exceptions=${s.re ? "True" : "False"})`, `gather ${s.names.join(",")}`);
        break;
      case "cancel":
        lines.push(`${ind}log("cancel ${s.name}", T["${s.name}"].cancel(${s.msg === undefined ? "" : `"m${s.msg}"`}))`);
        break;
      case "waitFor":
        tryPy(ind, lines, `asyncio.wait_for(T["${s.name}"], ${pyNum(s.t)})`, `wait_for ${s.name}`);
        break;
      case "shield":
        tryPy(ind, lines, `asyncio.shield(T["${s.name}"])`, `shield ${s.name}`);
        break;
      case "timeout":
        lines.push(`${ind}try:`);
        lines.push(`${ind}    async with asyncio.timeout(${pyNum(s.t)}):`);
        stmtsPy(s.body, `${ind}        `, lines, defs, body);
        lines.push(`${ind}    log("timeout ok")`);
        lines.push(`${ind}except TimeoutError:`);
        lines.push(`${ind}    log("timeout expired")`);
        break;
      case "catch":
        lines.push(`${ind}try:`);
        stmtsPy(s.body, `${ind}    `, lines, defs, body);
        lines.push(`${ind}except asyncio.CancelledError as e:`);
        lines.push(`${ind}    log("caught", repr(str(e)))`);
        if (s.reraise) lines.push(`${ind}    raise`);
        if (s.uncancel) lines.push(`${ind}    log("uncancel", asyncio.current_task().uncancel())`);
        break;
      case "lock":
        lines.push(`${ind}async with L:`);
        stmtsPy(s.body, `${ind}    `, lines, defs, body);
        break;
      case "later":
        lines.push(`${ind}asyncio.get_running_loop().call_later(${pyNum(s.d)}, log, "cb${s.k}")`);
        break;
      case "raise":
        lines.push(`${ind}raise ValueError("v${s.k}")`);
        break;
      case "tg":
        lines.push(`${ind}try:`);
        lines.push(`${ind}    async with asyncio.TaskGroup() as tg:`);
        for (const sp of s.spawns) {
          body(sp.body, `b_${sp.name}`);
          lines.push(`${ind}        T["${sp.name}"] = tg.create_task(b_${sp.name}(), name="${sp.name}")`);
        }
        stmtsPy(s.after, `${ind}        `, lines, defs, body, true);
        lines.push(`${ind}    log("tg ok")`);
        lines.push(`${ind}except BaseExceptionGroup as eg:`);
        lines.push(`${ind}    log("tg", fmt(list(eg.exceptions)))`);
        break;
      case "eset":
        lines.push(`${ind}E.set()`);
        break;
      case "eclear":
        lines.push(`${ind}E.clear()`);
        break;
      case "factory":
        lines.push(`${ind}asyncio.get_running_loop().set_task_factory(${s.eager ? "asyncio.eager_task_factory" : "None"})`);
        break;
      case "cbtask": {
        const args = `cbtask, ${s.k}, ${s.d === null ? "None" : pyNum(s.d)}`;
        lines.push(`${ind}asyncio.get_running_loop().${s.at === null ? `call_soon(${args})` : `call_later(${pyNum(s.at)}, ${args})`}`);
        break;
      }
      case "ewait":
        tryPy(ind, lines, `asyncio.wait_for(E.wait(), ${pyNum(s.t)})`, "event");
        break;
      case "qput":
        lines.push(`${ind}${pyQueue(s.q)}.put_nowait(${queueItem(s.k, s.q)})`);
        break;
      case "qget":
        tryPy(ind, lines, `asyncio.wait_for(${pyQueue(s.q)}.get(), ${pyNum(s.t)})`, "queue");
        break;
      case "ascomp":
        lines.push(`${ind}for c in asyncio.as_completed([${s.names.map((n) => `T["${n}"]`).join(", ")}], timeout=${s.t === null ? "None" : pyNum(s.t)}):`);
        lines.push(`${ind}    try:`);
        lines.push(`${ind}        r = await c`);
        lines.push(`${ind}        log("as_completed", fmt(r))`);
        lines.push(`${ind}    except TimeoutError:`);
        lines.push(`${ind}        log("as_completed", "TimeoutError")`);
        lines.push(`${ind}        break`);
        lines.push(`${ind}    except asyncio.CancelledError:`);
        lines.push(`${ind}        log("as_completed", "CancelledError")`);
        lines.push(`${ind}        break`);
        lines.push(`${ind}    except Exception as e:`);
        lines.push(`${ind}        log("as_completed", type(e).__name__)`);
        break;
      case "wait":
        lines.push(
          `${ind}done, pending = await asyncio.wait([${s.names.map((n) => `T["${n}"]`).join(", ")}], timeout=${s.t === null ? "None" : pyNum(s.t)}, return_when=asyncio.${s.first ? "FIRST_COMPLETED" : "ALL_COMPLETED"})`,
        );
        lines.push(`${ind}log("wait", ",".join(sorted(t.get_name() for t in done)), len(pending))`);
        break;
      case "cancelling":
        lines.push(`${ind}log("cancelling", asyncio.current_task().cancelling())`);
        break;
      case "inline":
        body(s.body, `c${s.id}`);
        tryPy(ind, lines, `c${s.id}()`, `inline c${s.id}`);
        break;
      case "wfcoro":
        body(s.body, `c${s.id}`);
        tryPy(ind, lines, `asyncio.wait_for(c${s.id}(), ${pyNum(s.t)})`, `wait_for c${s.id}`);
        break;
      case "gcoro":
        s.bodies.forEach((b, j) => body(b, `c${s.ids[j]}`));
        tryPy(ind, lines, `asyncio.gather(${s.ids.map((id) => `c${id}()`).join(", ")}, return_exceptions=${s.re ? "True" : "False"})`, `gather ${s.ids.map((id) => `c${id}`).join(",")}`);
        break;
      case "sem":
        lines.push(`${ind}async with S:`);
        stmtsPy(s.body, `${ind}    `, lines, defs, body);
        break;
      case "csoon":
        lines.push(`${ind}asyncio.get_running_loop().call_soon(log, "cs${s.k}")`);
        break;
      case "cat":
        lines.push(`${ind}asyncio.get_running_loop().call_at(asyncio.get_running_loop().time() + ${pyNum(s.d)}, log, "ca${s.k}")`);
        break;
      case "notify":
        lines.push(`${ind}async with C:`);
        lines.push(`${ind}    C.${s.all ? "notify_all" : "notify"}()`);
        break;
      case "cwait":
        lines.push(`${ind}try:`);
        lines.push(`${ind}    async with C:`);
        lines.push(`${ind}        r = await asyncio.wait_for(C.wait(), ${pyNum(s.t)})`);
        lines.push(`${ind}    log("cond", fmt(r))`);
        lines.push(`${ind}except TimeoutError:`);
        lines.push(`${ind}    log("cond", "TimeoutError")`);
        lines.push(`${ind}except asyncio.CancelledError:`);
        lines.push(`${ind}    log("cond", "CancelledError")`);
        lines.push(`${ind}except Exception as e:`);
        lines.push(`${ind}    log("cond", type(e).__name__)`);
        break;
      case "bwait":
        tryPy(ind, lines, `asyncio.wait_for(B.wait(), ${pyNum(s.t)})`, "barrier");
        break;
      case "fut":
        lines.push(`${ind}F["${s.f}"] = asyncio.get_running_loop().create_future()`);
        break;
      case "fset": {
        const args = `"${s.f}", "${s.how}", ${s.k}`;
        if (s.via === "now") lines.push(`${ind}fdo(${args})`);
        else if (s.via === "soon") lines.push(`${ind}asyncio.get_running_loop().call_soon(fdo, ${args})`);
        else lines.push(`${ind}asyncio.get_running_loop().call_later(${pyNum(s.d)}, fdo, ${args})`);
        break;
      }
      case "fawait": {
        const f = `F["${s.f}"]`;
        const expr = s.how === "await" ? f : s.how === "waitFor" ? `asyncio.wait_for(${f}, ${s.t === null ? "None" : pyNum(s.t)})` : s.how === "shield" ? `asyncio.shield(${f})` : `asyncio.gather(${f})`;
        tryPy(ind, lines, expr, `${s.how} ${s.f}`, true);
        break;
      }
      case "fcb":
        lines.push(`${ind}F["${s.f}"].add_done_callback(cb(${s.k}))`);
        break;
      case "fgather":
        tryPy(ind, lines, `asyncio.gather(${s.fs.map((f) => `F["${f}"]`).join(", ")}, return_exceptions=${s.re ? "True" : "False"})`, `fgather ${s.fs.join(",")}`, true);
        break;
      case "fascomp":
        lines.push(`${ind}for c in asyncio.as_completed([${s.fs.map((f) => `F["${f}"]`).join(", ")}], timeout=${s.t === null ? "None" : pyNum(s.t)}):`);
        lines.push(`${ind}    try:`);
        lines.push(`${ind}        r = await c`);
        lines.push(`${ind}        log("fas", fmt(r))`);
        lines.push(`${ind}    except TimeoutError:`);
        lines.push(`${ind}        log("fas", "TimeoutError")`);
        lines.push(`${ind}        break`);
        lines.push(`${ind}    except asyncio.CancelledError as e:`);
        lines.push(`${ind}        log("fas", "CancelledError", repr(str(e)))`);
        lines.push(`${ind}        break`);
        lines.push(`${ind}    except Exception as e:`);
        lines.push(`${ind}        log("fas", type(e).__name__, repr(str(e)))`);
        break;
      case "uncancel":
        lines.push(`${ind}log("uncancel", asyncio.current_task().uncancel())`);
        break;
      case "fwaiters":
        s.hows.forEach((w, j) => {
          lines.push(`${ind}asyncio.create_task(fwaiter("${s.f}", "${w.how}", ${w.t === null ? "None" : pyNum(w.t)}), name="x${s.id}_${j}")`);
        });
        break;
      case "frm":
        lines.push(`${ind}log("frm ${s.f}", F["${s.f}"].remove_done_callback(cb(${s.k})))`);
        break;
      case "fstate":
        lines.push(`${ind}log("fstate ${s.f}", fstate(F["${s.f}"]))`);
        break;
      case "qnow":
        if (s.put) lines.push(`${ind}now("put_nowait", lambda: ${pyQueue(s.q)}.put_nowait(${s.k}))`);
        else lines.push(`${ind}now("get_nowait", lambda: ${pyQueue(s.q)}.get_nowait())`);
        break;
      case "bput":
        tryPy(ind, lines, `asyncio.wait_for(BQ.put(${s.k}), ${pyNum(s.t)})`, "bput", true);
        break;
      case "qjoin":
        tryPy(ind, lines, `asyncio.wait_for(${pyQueue(s.q)}.join(), ${pyNum(s.t)})`, "join", true);
        break;
      case "qdone":
        lines.push(`${ind}now("task_done", lambda: ${pyQueue(s.q)}.task_done())`);
        break;
      case "qsize":
        lines.push(`${ind}log("qsize", ${pyQueue(s.q)}.qsize(), ${pyQueue(s.q)}.empty(), ${pyQueue(s.q)}.full())`);
        break;
      case "tmo": {
        const tm = `tm${s.id}`;
        const t = s.t === null ? "None" : s.at ? `asyncio.get_running_loop().time() + ${pyNum(s.t)}` : pyNum(s.t);
        lines.push(`${ind}try:`);
        lines.push(`${ind}    async with asyncio.${s.at ? "timeout_at" : "timeout"}(${t}) as ${tm}:`);
        stmtsPy(s.pre, `${ind}        `, lines, defs, body, true);
        lines.push(`${ind}        resched(${tm}, ${s.re === null ? "None" : pyNum(s.re)})`);
        stmtsPy(s.post, `${ind}        `, lines, defs, body, true);
        lines.push(`${ind}    log("tmo ok", ${tm}.expired())`);
        lines.push(`${ind}except TimeoutError:`);
        lines.push(`${ind}    log("tmo expired", ${tm}.expired())`);
        break;
      }
      case "bsem":
        lines.push(`${ind}async with BS:`);
        stmtsPy(s.body, `${ind}    `, lines, defs, body);
        break;
      case "brel":
        lines.push(`${ind}now("brel", lambda: BS.release())`);
        break;
      case "probe":
        lines.push(`${ind}log("probe", L.locked(), S.locked(), BS.locked(), E.is_set(), C.locked(), B.n_waiting, B.broken)`);
        break;
      case "tinfo":
        lines.push(`${ind}log("tinfo", asyncio.current_task().get_name(), len(asyncio.all_tasks()))`);
        break;
      case "tstate":
        lines.push(`${ind}log("tstate ${s.name}", T["${s.name}"].done(), T["${s.name}"].cancelled(), T["${s.name}"].cancelling())`);
        break;
      case "tname":
        lines.push(`${ind}T["${s.name}"].set_name("r${s.k}")`);
        break;
      case "acq": {
        const x = s.which;
        lines.push(`${ind}if await acq("${x}", ${x}, ${pyNum(s.t)}):`);
        lines.push(`${ind}    try:`);
        stmtsPy(s.body, `${ind}        `, lines, defs, body);
        lines.push(`${ind}    finally:`);
        lines.push(`${ind}        ${x}.release()`);
        break;
      }
      case "babort":
        lines.push(`${ind}await B.abort()`);
        lines.push(`${ind}log("babort", B.broken)`);
        break;
      case "breset":
        lines.push(`${ind}await B.reset()`);
        lines.push(`${ind}log("breset", B.broken, B.n_waiting)`);
        break;
      case "hnd":
        if (s.d === null) lines.push(`${ind}H["${s.h}"] = asyncio.get_running_loop().call_soon(log, "h${s.k}")`);
        else lines.push(`${ind}H["${s.h}"] = asyncio.get_running_loop().call_later(${pyNum(s.d)}, log, "h${s.k}")`);
        break;
      case "hcancel":
        lines.push(`${ind}H["${s.h}"].cancel()`);
        lines.push(`${ind}log("hcancel ${s.h}", H["${s.h}"].cancelled())`);
        break;
      case "tcb":
        lines.push(`${ind}T["${s.name}"].add_done_callback(cb(${s.k}))`);
        break;
      case "selfcancel":
        lines.push(`${ind}selfcancel(${s.msg === undefined ? "None" : `"m${s.msg}"`})`);
        break;
      case "storm":
        lines.push(`${ind}storm(${s.k}, ${s.n})`);
        break;
      case "workers":
        for (let j = 0; j < s.n; j++) lines.push(`${ind}asyncio.create_task(worker(${pyQueue(s.q)}), name="w${s.id}_${j}")`);
        break;
      case "fchain":
        lines.push(`${ind}F["${s.f}"].add_done_callback(lambda _: fdo("${s.g}", "r", ${s.k}))`);
        break;
      case "fwait": {
        const aws = [...s.fs.map((f) => `F["${f}"]`), ...s.names.map((n) => `T["${n}"]`)].join(", ");
        lines.push(`${ind}done, pending = await asyncio.wait([${aws}], timeout=${s.t === null ? "None" : pyNum(s.t)}, return_when=asyncio.${s.when})`);
        lines.push(`${ind}log("fwait", len(done), len(pending))`);
        break;
      }
      case "cwaitfor":
        lines.push(`${ind}try:`);
        lines.push(`${ind}    async with C:`);
        lines.push(`${ind}        r = await asyncio.wait_for(C.wait_for(E.is_set), ${pyNum(s.t)})`);
        lines.push(`${ind}    log("cond_for", fmt(r))`);
        lines.push(`${ind}except TimeoutError:`);
        lines.push(`${ind}    log("cond_for", "TimeoutError")`);
        break;
      default:
        if (NET_OPS.has(s.op)) netStmtPy(s, ind, lines);
        break;
    }
  }
}

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

/** How many statements a program has (for shrinking and reports). */
export function size(p: Program): number {
  const count = (stmts: Stmt[]): number =>
    stmts.reduce(
      (n, s) =>
        n +
        1 +
        (s.op === "spawn"
          ? count(s.body.stmts)
          : s.op === "tg"
            ? s.spawns.reduce((m, sp) => m + count(sp.body.stmts), 0) + count(s.after)
            : s.op === "inline" || s.op === "wfcoro"
              ? count(s.body.stmts)
              : s.op === "gcoro"
                ? s.bodies.reduce((m, b) => m + count(b.stmts), 0)
              : s.op === "tmo"
                ? count(s.pre) + count(s.post)
            : "body" in s && Array.isArray(s.body)
              ? count(s.body)
              : 0),
      0,
    );
  return count(p.main.stmts) + (p.server?.handlers.reduce((n, h) => n + h.length, 0) ?? 0);
}
