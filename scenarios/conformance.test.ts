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
// The suites are listed, not discovered; loops/ and repr/ have their own tests.
// net/ holds CPython recordings over real loopback sockets; src/net runs their twins on
// its simulated network. The recordings without twins yet are listed here, by name,
// so the list can only shrink: a listed scenario that gains twins fails the check below.
// process/ holds CPython recordings of real child processes; src/process runs their twins
// on simulated ones.
// py313/ holds programs that use what Python 3.13 added to the 3.12 API (Queue.shutdown, readuntil's separators),
// recorded under CPython 3.13 (they use nothing whose behaviour 3.13 changed).
const suites = ["core", "asyncio", "net", "process", "py313"].filter((d) => existsSync(join(here, d)));
const NOT_YET: Record<string, ReadonlySet<string>> = {
  net: new Set([]),
};

/** The scenarios of a suite that have twins (all of them, outside the NOT_YET lists). */
function scenarioNames(suite: string): string[] {
  const notYet = NOT_YET[suite] ?? new Set<string>();
  return readdirSync(join(here, suite))
    .filter((f) => f.endsWith(".py"))
    .map((f) => f.slice(0, -3))
    .filter((name) => !notYet.has(name))
    .sort();
}

for (const suite of suites) {
  const dir = join(here, suite);
  const names = scenarioNames(suite);
  describe(suite, () => {
    test("has scenarios, each with its golden output and both TypeScript versions", () => {
      expect(names.length).toBeGreaterThan(0);
      for (const name of NOT_YET[suite] ?? []) {
        expect(existsSync(join(dir, name + ".py")), `${name}.py (listed as not yet done)`).toBe(true);
        expect(existsSync(join(dir, name + ".gen.ts")) || existsSync(join(dir, name + ".async.ts")), `${name} has a twin now: take it off NOT_YET`).toBe(false);
      }
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

// Network and process scenarios are iteration-exact as well: NAME.iterations is CPython's
// output with the loop iteration in front of each line (the recorder's --iterations), and
// each twin logs each line in the same iteration. The ones listed have no .iterations: net/04's
// iterations follow the kernel's recv() chunk sizes, which the simulated network does not
// copy (scenarios/net/README.md), and 05's and 44's follow them too (05's 256 KiB goes through
// in about 60 iterations of kernel-sized chunks; in 44 Linux's send buffer drains into the
// peer's between iterations); process/03, 12 and 14 run a program child (a coroutine),
// whose steps take loop iterations where a real child takes real time (scenarios/process/README.md).
const NO_ITERATIONS: Record<string, ReadonlySet<string>> = {
  net: new Set(["04_large_write_drain", "05_flow_control_marks", "44_abort_buffered"]),
  process: new Set(["03_cat_communicate_input", "12_stdin_write_close", "14_python_child"]),
};
for (const suite of ["net", "process"]) {
  describe(`${suite}: the loop iteration of every line`, () => {
    const dir = join(here, suite);
    const names = existsSync(dir) ? scenarioNames(suite) : [];
    const none = NO_ITERATIONS[suite];
    test("every twin has its iteration golden, except the ones listed", () => {
      for (const name of names) expect(existsSync(join(dir, `${name}.iterations`)), `${name}.iterations`).toBe(!none.has(name));
    });
    for (const name of names.filter((n) => !none.has(n))) {
      test.each([
        ["sync", ".gen.ts"],
        ["gen", ".gen.ts"],
        ["async", ".async.ts"],
      ] as const)(`${name} [%s]`, async (style, ext) => {
        const expected = readFileSync(join(dir, `${name}.iterations`), "utf8");
        const mod = await import(join(dir, name + ext));
        let loop: { _iteration: number } | null = null;
        const lines: string[] = [];
        const all = await runScenario(mod.main, style, { onLoop: (l) => (loop = l), onLine: (line) => lines.push(`${loop?._iteration} ${line}`) });
        // a deadlock's line is not logged through onLine: it ends the run, in the loop's last iteration
        if (all.length > lines.length) lines.push(`${(loop as { _iteration: number } | null)?._iteration} ${all[all.length - 1]}`);
        expect(joinLines(lines)).toBe(expected);
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
      for (const scenario of scenarioNames(suite)) {
        const name = `${suite}/${scenario}`;
        mods.push({ name, expected: readFileSync(join(here, `${name}.out`), "utf8"), mod: await import(join(here, `${name}.${style === "gen" ? "gen" : "async"}.ts`)) });
      }
    }
    for (const { name, expected, mod } of mods) jobs.push({ name, expected, out: runScenario(mod.main, style).then(joinLines) });
    const outs = await Promise.all(jobs.map((j) => j.out));
    expect(outs.length).toBeGreaterThan(100);
    jobs.forEach((j, i) => expect(outs[i], j.name).toBe(j.expected));
  });
});
