/**
 * Loop programs: asyncio's loop API used directly (new_event_loop,
 * run_until_complete, run_forever, stop, close). Each program in
 * scenarios/loops is written three times, like the other scenarios: in
 * Python, recorded under CPython 3.12 by recorder/loops_recorder.py into the
 * `.out` file, and in vloop's two styles, `.gen.ts` (generator coroutines,
 * runUntilCompleteSync/runForeverSync) and `.async.ts` (async functions,
 * await runUntilComplete/runForever). Both must print the recorded lines.
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { takeLines } from "./loops/say.js";

const dir = join(dirname(fileURLToPath(import.meta.url)), "loops");
const names = readdirSync(dir)
  .filter((f) => f.endsWith(".py"))
  .map((f) => f.slice(0, -3))
  .sort();

describe("loops", () => {
  test("has programs, each with its golden output and both TypeScript versions", () => {
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) {
      for (const ext of [".out", ".gen.ts", ".async.ts"]) expect(existsSync(join(dir, name + ext)), `${name}${ext}`).toBe(true);
    }
  });

  for (const name of names) {
    test.each([".gen.ts", ".async.ts"])(`${name} [%s]`, async (ext) => {
      const expected = readFileSync(join(dir, `${name}.out`), "utf8");
      const mod = (await import(join(dir, name + ext))) as { main: () => void | Promise<void> };
      takeLines();
      await mod.main();
      expect(takeLines().map((l) => `${l}\n`).join("")).toBe(expected);
    });
  }
});
