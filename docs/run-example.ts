/**
 * Runs a docs example and prints its lines, exactly as the docs show them:
 *
 *   npx tsx docs/run-example.ts docs/examples/01_hello.async.ts
 *
 * An example is a scenario-style module: it exports `main` (a generator
 * function or an async function) and prints with vloop's `log()`, which
 * writes "<virtual time> <task name> <text>". The scenario harness runs
 * `main` inside a task named "main" and ends with "result <value>" (or
 * "raised <ErrorName>"), as the CPython recorder does for the `.py` twin.
 *
 * A file named `*.gen.ts` runs in generator style, any other in async style
 * (and its `main` must be written in that style). An example may also export
 * `options` (LoopOptions: a strategy, an onIteration hook...).
 * docs/docs.test.ts runs every example through `runExample` below.
 */
import { pathToFileURL } from "node:url";
import { resolve } from "node:path";
import type { LoopOptions } from "vloop";
import { type Style, runScenario } from "../scenarios/harness.js";

/** "gen" for `*.gen.ts`, "async" for any other example. */
export function styleOf(file: string): Exclude<Style, "sync"> {
  return file.endsWith(".gen.ts") ? "gen" : "async";
}

/** Imports an example and returns its output lines; `style` overrides the file name's. */
export async function runExample(file: string, style: Style = styleOf(file)): Promise<string[]> {
  const mod = (await import(pathToFileURL(resolve(file)).href)) as {
    main: Parameters<typeof runScenario>[0];
    options?: LoopOptions;
  };
  if (typeof mod.main !== "function") throw new TypeError(`${file}: an example must export a function main`);
  const isGen = mod.main.constructor.name === "GeneratorFunction";
  if (isGen !== (styleOf(file) === "gen")) {
    throw new TypeError(
      `${file}: main is ${isGen ? "a generator function" : "not a generator function"}; ` +
        `name generator-style examples *.gen.ts and no other`,
    );
  }
  return runScenario(mod.main, style, mod.options ?? {});
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const file = process.argv[2];
  if (file === undefined) {
    console.error("usage: npx tsx docs/run-example.ts docs/examples/NAME.ts");
    process.exit(2);
  }
  for (const line of await runExample(file)) console.log(line);
}
