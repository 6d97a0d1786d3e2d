/**
 * asyncio's reprs: vloop's toString() of futures, tasks, locks, queues,
 * timeouts and task groups prints what CPython 3.12's repr() prints.
 *
 * Each NAME.py here logs reprs in every state worth seeing; NAME.out is its
 * output recorded under CPython (`npx tsx scenarios/record.ts repr/`), kept
 * exactly as CPython printed it. The vloop twins (NAME.gen.ts, NAME.async.ts)
 * log `String(x)` at the same points.
 *
 * The comparison removes from CPython's lines what vloop leaves out on
 * purpose (the rule is in src/util/asyncioRepr.ts), and nothing else:
 * - ` at 0x7f...`: a memory address;
 * - ` coro=<...>`: a task's coroutine with its file and line;
 * - ` cb=[...]`: a future's done callbacks with their files and lines;
 * - ` created at FILE:LINE`: where a future was made (debug mode only).
 * Since the addresses and file paths differ from one recording to the next,
 * re-recording rewrites these .out files; the normalised text does not change.
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { joinLines, runScenario } from "../harness.js";

const here = dirname(fileURLToPath(import.meta.url));

/** CPython's repr text without the parts vloop does not print (see the header). */
export function normalise(text: string): string {
  return text
    .replace(/ at 0x[0-9a-f]+/g, "")
    .replace(/ coro=<(?:[^<>]|<[^<>]*>)*>/g, "") // one level of <...> inside: main.<locals>.inner()
    .replace(/ cb=\[[^\]]*\]/g, "")
    .replace(/ created at \S+:\d+/g, "");
}

const names = readdirSync(here)
  .filter((f) => f.endsWith(".py"))
  .map((f) => f.slice(0, -3))
  .sort();

describe("the normalisation", () => {
  test("removes exactly the documented parts", () => {
    const cpython =
      "<Task pending name='w' coro=<main.<locals>.work() running at /p/x.py:5> " +
      "wait_for=<Future pending cb=[Task.task_wakeup()]> cb=[on_done() at /p/x.py:3]> " +
      "<asyncio.locks.Lock object at 0x7f4866ab6990 [locked, waiters:2]> <Queue at 0x7f9c maxsize=0> " +
      "<Future pending created at /p/x.py:9>";
    expect(normalise(cpython)).toBe(
      "<Task pending name='w' wait_for=<Future pending>> " +
        "<asyncio.locks.Lock object [locked, waiters:2]> <Queue maxsize=0> <Future pending>",
    );
  });

  test("leaves nothing of them in the recordings", () => {
    for (const name of names) {
      const text = normalise(readFileSync(join(here, `${name}.out`), "utf8"));
      expect(text, name).not.toMatch(/0x[0-9a-f]|coro=|cb=|\.py:\d/);
    }
  });
});

describe("repr", () => {
  test("has scenarios, each with its recording and both TypeScript versions", () => {
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) {
      for (const ext of [".out", ".gen.ts", ".async.ts"]) {
        expect(existsSync(join(here, name + ext)), `${name}${ext}`).toBe(true);
      }
    }
  });

  for (const name of names) {
    test.each([
      ["sync", ".gen.ts"],
      ["gen", ".gen.ts"],
      ["async", ".async.ts"],
    ] as const)(`${name} [%s]`, async (style, ext) => {
      const expected = normalise(readFileSync(join(here, `${name}.out`), "utf8"));
      const mod = await import(join(here, name + ext));
      const out = joinLines(await runScenario(mod.main, style));
      expect(out).toBe(expected);
    });
  }
});
