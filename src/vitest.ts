/**
 * vitest tools: a one-line test that explores a program and fails with the
 * replay snippet and the shrunk schedule in its message, and one test per
 * saved failing schedule (`replayTapes`). Node only (it reads tape files).
 *
 * @example
 * import { exploreTest } from "vloop/vitest";
 * exploreTest("counter survives any order", () => counterProgram(), { strategy: "pct", runs: 500 });
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { describe, test } from "vitest";
import { type ExploreOptions, explore } from "./explore/explore.js";
import { mainOf, type Program } from "./explore/runOnce.js";
import { checkSavedTape } from "./explore/savedTape.js";
import { run } from "./run.js";
import { ReplayPolicy } from "./schedule/replay.js";

/** Asserts that `explore(program, options)` finds no failing schedule. */
export async function expectNoRace(program: Program, options: ExploreOptions = {}): Promise<void> {
  const r = await explore(program, options);
  if (r.failed) {
    const error = new Error(`vloop found a failing schedule:\n${r.report ?? String(r.error)}`);
    (error as Error & { cause?: unknown }).cause = r.error;
    throw error;
  }
}

/** Declares a vitest test that explores `program` with `options` and fails with the replay snippet. */
export function exploreTest(name: string, program: Program, options: ExploreOptions = {}, timeout?: number): void {
  test(name, () => expectNoRace(program, options), timeout);
}

/**
 * Replays one saved failing schedule (a file that `vloop explore
 * --save-failures DIR` wrote): imports its program and runs it under its
 * tape. Resolves when the run passes, that is when the race no longer
 * happens under the schedule that once broke it (also when the program no
 * longer reaches the tape's decisions: that schedule cannot happen any more).
 * @throws what the run raises (the race is back), or a TypeError for a file
 *   that is not a saved tape or a program that is not exported.
 * @example await replaySavedTape("tests/tapes/lost_update-main-1a2b3c4d.tape.json");
 */
export async function replaySavedTape(file: string): Promise<void> {
  const path = resolve(file);
  const saved = checkSavedTape(JSON.parse(readFileSync(path, "utf8")), file);
  const programFile = resolve(dirname(path), saved.program.file);
  const module = (await import(pathToFileURL(programFile).href)) as Record<string, unknown>;
  const program = module[saved.program.export];
  if (typeof program !== "function") {
    throw new TypeError(`${file}: ${programFile} has no exported function ${JSON.stringify(saved.program.export)} (the program the tape was saved for)`);
  }
  const policy = new ReplayPolicy(saved.tape);
  await run(mainOf(program as Program), { strategy: policy, maxSteps: saved.maxSteps ?? 1_000_000, jitter: saved.jitter ?? policy.jitter });
}

/**
 * Declares one vitest test per schedule saved in `dir` (`*.tape.json`, as
 * `vloop explore --save-failures DIR` writes them): each replays its program
 * under its tape and fails while the race is there, so a race found once
 * stays a test, and a fixed one is shown passing under the very schedule
 * that broke it. An empty folder declares no test.
 * @throws TypeError if the folder does not exist or holds a file that is not a saved tape.
 * @example
 * import { replayTapes } from "vloop/vitest";
 * replayTapes(new URL("./tapes/", import.meta.url));
 */
export function replayTapes(dir: string | URL, timeout?: number): void {
  const folder = dir instanceof URL ? fileURLToPath(dir) : resolve(dir);
  if (!existsSync(folder)) throw new TypeError(`replayTapes: no folder ${folder} (vloop explore --save-failures DIR writes tapes there)`);
  const files = readdirSync(folder)
    .filter((f) => f.endsWith(".tape.json"))
    .sort();
  describe(`saved schedules in ${folder}`, () => {
    for (const f of files) {
      const path = join(folder, f);
      const saved = checkSavedTape(JSON.parse(readFileSync(path, "utf8")), path);
      test(`${saved.program.file} ${saved.program.export} under tape ${JSON.stringify(saved.tape)} (once: ${saved.error})`, () => replaySavedTape(path), timeout);
    }
  });
}
