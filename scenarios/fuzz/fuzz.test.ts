/**
 * The fuzz corpus: random asyncio programs (scenarios/fuzz/program.ts) with
 * the lines CPython 3.12 printed for them, recorded by `npm run fuzz -- --corpus N --net-corpus M`
 * (scenarios/fuzz/oracle.py on the project's virtual-clock recorder). vloop
 * must print the same lines in each coroutine style; network programs
 * (scenarios/fuzz/net.ts, CPython over real loopback sockets) in the same loop
 * iterations too. Kept counterexamples (negative seeds) are part of it.
 */
import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { type Corpus, EAGER_STYLES, STYLES, corpusPath, stylesOf, vloopRun, withIterations } from "./fuzz.js";
import { size } from "./program.js";

const corpus = JSON.parse(readFileSync(corpusPath, "utf8")) as Corpus;

describe("fuzz corpus", () => {
  test("was recorded by CPython 3.12 and is not trivial", () => {
    expect(corpus.recordedWith).toMatch(/^CPython 3\.12\./);
    expect(corpus.programs.length).toBeGreaterThanOrEqual(200);
    // the programs exercise what they are meant to: cancellations, timeouts, task groups, deadlocks
    const all = corpus.programs.flatMap((e) => e.lines);
    const needles = ["CancelledError", "TimeoutError", "timeout expired", "tg [", "deadlock", "caught", "raised ValueError", " cond ", " barrier ", "uncancel", "wait_for c", "as_completed"];
    for (const needle of needles) {
      expect(all.some((l) => l.includes(needle)), needle).toBe(true);
    }
    // and the statements added later (futures, queues without waiting, join, Timeout objects, ...)
    const added = ["fset f", "fcancel", "fcb", "frm f", "await f", "waitFor f", "shield f", "fgather", "fas ", "QueueFull", "QueueEmpty", "task_done ValueError", "join None", "bput", "resched RuntimeError", "tmo expired", "brel ValueError", "acq ", "babort", "breset", "hcancel", "cond_for", "fwait", "tinfo", "tstate", "selfcancel", " work "];
    for (const needle of added) {
      expect(all.some((l) => l.includes(needle)), needle).toBe(true);
    }
    const statements = corpus.programs.reduce((n, e) => n + size(e.program), 0);
    expect(statements / corpus.programs.length).toBeGreaterThan(8);
  });

  test("has network programs that connect, write, read, close and fail in asyncio's ways", () => {
    const net = corpus.programs.filter((e) => e.program.server !== undefined);
    expect(net.length).toBeGreaterThanOrEqual(50);
    for (const e of net) expect(e.iterations?.length, `seed ${e.seed}: an iteration per line`).toBe(e.lines.length);
    const all = net.flatMap((e) => e.lines);
    const needles = ["srv conn", "conn n", "wrote n", "wrote lines n", "eof n", "readline n", "readexactly(", "readuntil(", "read(-1) n", "closed n", "srv loop", "srv closed", "IncompleteReadError", "ConnectionResetError", "BrokenPipeError", "OSError", "srv abort", "TimeoutError", "deadlock"];
    for (const needle of needles) {
      expect(all.some((l) => l.includes(needle)), needle).toBe(true);
    }
  });

  test("has programs under eager_task_factory (--eager), some switching it off and on, tasks made by callbacks, network ones too", () => {
    const eager = corpus.programs.filter((e) => e.program.eager === true);
    expect(eager.length).toBeGreaterThanOrEqual(100);
    expect(eager.filter((e) => e.program.server !== undefined).length).toBeGreaterThanOrEqual(20);
    expect(eager.filter((e) => JSON.stringify(e.program).includes('"op":"factory"')).length).toBeGreaterThanOrEqual(10);
    // a TaskGroup's create_task refused once an eager child failed it (T[name] then a KeyError),
    // and main cancelled as it returned (3.12's uncancel leaves the group's cancel() pending)
    const all = eager.flatMap((e) => e.lines);
    for (const needle of ["RuntimeError", "KeyError", "- main cancelled", "cbtask"]) expect(all.some((l) => l.includes(needle)), needle).toBe(true);
    // a task made eagerly by a callback ran its first step before the callback's "made" line
    expect(eager.some((e) => e.lines.some((l, i) => / cbtask (\d+) runs$/.test(l) && e.lines[i + 1]?.includes(`cbtask ${/cbtask (\d+)/.exec(l)![1]} made`)))).toBe(true);
  });

  // the four styles, and asyncgen (an async main with generator tasks), which only eager programs run in
  for (const style of [...STYLES, ...EAGER_STYLES.filter((s) => !STYLES.includes(s))]) {
    test(`every program prints what CPython printed (${style})`, async () => {
      const wrong: string[] = [];
      for (const entry of corpus.programs) {
        // eager programs (eager_task_factory) run in the generator styles only (fuzz.ts EAGER_STYLES)
        if (!stylesOf(entry.program).includes(style)) continue;
        const run = await vloopRun(entry.program, style);
        // network programs: the loop iteration of every line as well (the recorder's --iterations)
        const [expected, actual] =
          entry.iterations === undefined ? [entry.lines, run.lines] : [withIterations({ lines: entry.lines, iterations: entry.iterations }), withIterations(run)];
        if (actual.join("\n") !== expected.join("\n")) {
          wrong.push(`seed ${entry.seed}${entry.grammar === "net" ? " (net)" : ""}:\n  CPython: ${expected.join(" | ")}\n  vloop:   ${actual.join(" | ")}`);
        }
      }
      expect(wrong.join("\n"), `${wrong.length} of ${corpus.programs.length} programs differ`).toBe("");
    });
  }
});
