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
 * The two interpreters (interpret.ts) are the same walk written twice, once
 * with `yield*` and once with `await`: that is the point (both styles are
 * under test), so they are kept side by side, case for case.
 */
import { Prng } from "../../src/util/random.js";
import {
  type NetServer,
  type NetStmt,
  genConn,
  genNetUse,
  genServer,
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

/** What a queue put puts: the label, or for the priority queue a priority that is not in label order. */
export function queueItem(k: number, q: "p" | "l" | "b" | undefined): number {
  return q === "p" ? (k * 7) % 10 : k;
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
