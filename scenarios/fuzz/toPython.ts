/** The random programs of program.ts as Python source, for the CPython recorder (oracle.py). */
import { type Body, type Program, type Stmt, queueItem } from "./program.js";
import {
  NET_OPS,
  PY_PRELUDE,
  netStmtPy,
  serverPy,
  startServerPy,
} from "./net.js";
import {
  CancelledError,
  TaskGroup,
  TimeoutError,
  gather,
  shield,
  sleep,
  timeout,
  wait,
} from "../../src/index.js";

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
