/**
 * Conformance: every scenario's vloop programs print exactly what CPython
 * 3.12 printed for its Python twin (the recorded .out file), byte for byte,
 * in every coroutine style: generator under runSync (no microtasks at all),
 * generator under run(), and async functions under run().
 */
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { joinLines, runScenario } from "./harness.js";

const here = dirname(fileURLToPath(import.meta.url));
// The suites are listed, not discovered. scenarios/net/ is left out on purpose: its
// programs use real loopback sockets and have only their CPython recordings so far
// (the .gen.ts/.async.ts twins come with src/net); loops/ and repr/ have their own tests.
const suites = ["core", "asyncio"].filter((d) => existsSync(join(here, d)));

for (const suite of suites) {
  const dir = join(here, suite);
  const names = readdirSync(dir)
    .filter((f) => f.endsWith(".py"))
    .map((f) => f.slice(0, -3))
    .sort();
  describe(suite, () => {
    test("has scenarios, each with its golden output and both TypeScript versions", () => {
      expect(names.length).toBeGreaterThan(0);
      for (const name of names) {
        for (const ext of [".out", ".gen.ts", ".async.ts"]) {
          expect(existsSync(join(dir, name + ext)), `${name}${ext}`).toBe(true);
        }
      }
    });
    for (const name of names) {
      test.each([
        ["sync", ".gen.ts"],
        ["gen", ".gen.ts"],
        ["async", ".async.ts"],
      ] as const)(`${name} [%s]`, async (style, ext) => {
        const expected = readFileSync(join(dir, `${name}.out`), "utf8");
        const mod = await import(join(dir, name + ext));
        const out = joinLines(await runScenario(mod.main, style));
        expect(out).toBe(expected);
      });
    }
  });
}

describe("every scenario at once", () => {
  // Runs take turns (src/loop/turns.ts): started together, each prints exactly what it prints alone.
  test.each(["gen", "async"] as const)("all scenarios started together in one Promise.all [%s]", async (style) => {
    const jobs: { name: string; expected: string; out: Promise<string> }[] = [];
    const mods = [];
    for (const suite of suites) {
      const dir = join(here, suite);
      for (const f of readdirSync(dir).filter((f) => f.endsWith(".py")).sort()) {
        const name = `${suite}/${f.slice(0, -3)}`;
        mods.push({ name, expected: readFileSync(join(here, `${name}.out`), "utf8"), mod: await import(join(here, `${name}.${style === "gen" ? "gen" : "async"}.ts`)) });
      }
    }
    for (const { name, expected, mod } of mods) jobs.push({ name, expected, out: runScenario(mod.main, style).then(joinLines) });
    const outs = await Promise.all(jobs.map((j) => j.out));
    expect(outs.length).toBeGreaterThan(100);
    jobs.forEach((j, i) => expect(outs[i], j.name).toBe(j.expected));
  });
});
