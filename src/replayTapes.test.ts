/**
 * replayTapes(DIR) declares one test per saved schedule. The folder here holds
 * the schedule that `vloop explore scenarios/races/lost_update.ts --export
 * buggy --strategy dfs --save-failures DIR` saves (tape "0:1": the second task
 * reads the balance before the first writes it back), pointed at the gallery's
 * `fixed` version of the same program: the fix passes under the very schedule
 * that broke the bug. (cli.test.ts checks the whole flow: save, fail, fix, pass.)
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { SAVED_TAPE_VERSION, type SavedTape } from "./explore/savedTape.js";
import { replayTapes } from "./vitest.js";

const dir = join(tmpdir(), `vloop-tapes-${process.pid}`);
mkdirSync(dir, { recursive: true });
const program = fileURLToPath(new URL("../scenarios/races/lost_update.ts", import.meta.url));
const saved: SavedTape = {
  kind: "vloop-tape",
  version: SAVED_TAPE_VERSION,
  program: { file: relative(dir, program), export: "fixed" },
  tape: "0:1",
  jitter: null,
  maxSteps: null,
  error: "Error: lost update: balance is 50, expected 150",
  found: { strategy: "dfs", seed: "0/1", runIndex: 1 },
};
writeFileSync(join(dir, "lost_update-fixed.tape.json"), JSON.stringify(saved));

replayTapes(dir);
