// The playground's examples menu, read from the repository at build time:
// the seed's three examples (`npm start`'s programs, as scenario files), the
// tutorial's programs (docs/examples/, docs/programs/) and the race gallery
// (scenarios/races/, in docs/races.md's order). Each is shown as users write
// it: imports from the repository's sources become imports from "vloop".
// The browser test (playground.test.ts) reads the same list.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";

const root = new URL("..", import.meta.url).pathname;

/** Import paths of the repository's sources, as a user's program names them. */
function asUserWritesIt(code) {
  return code
    .replace(/from "(\.\.\/)+src\/index\.js"/g, 'from "vloop"')
    .replace(/from "(\.\.\/)+src\/testing\.js"/g, 'from "vloop/testing"')
    .replace(/from "\.\.\/harness\.js"/g, 'from "vloop"')
    .replace(/^import type \{ RaceMeta \} from "\.\/types\.js";\n/m, "")
    .replace(/export const meta: RaceMeta = /, "export const meta = ");
}

/** The race gallery's order, as scenarios/races/gallery.ts lists it. */
function galleryNames() {
  const text = readFileSync(join(root, "scenarios/races/gallery.ts"), "utf8");
  return [...text.matchAll(/\{ name: "(\w+)", \.\.\.\w+ \}/g)].map((m) => m[1]);
}

/**
 * Every example: { group, title, file (repository path), code, exportName, kind }.
 * kind "scenario": exports a main (or buggy) that `vloop run` runs; "script": runs itself (console.log).
 */
export function collectExamples() {
  const out = [];
  const add = (group, file, exportName = "main", kind = "scenario") => {
    const code = asUserWritesIt(readFileSync(join(root, file), "utf8"));
    const title = file.replace(/^.*\//, "").replace(/\.ts$/, "");
    out.push({ group, title, file, code, exportName, kind });
  };
  for (const name of ["01_hello_world", "02_say_after", "03_factorial_gather"]) {
    add("the seed's examples (npm start)", `scenarios/core/${name}.async.ts`);
    add("the seed's examples (npm start)", `scenarios/core/${name}.gen.ts`);
  }
  for (const f of readdirSync(join(root, "docs/examples")).sort()) {
    if (!f.endsWith(".ts")) continue;
    const code = readFileSync(join(root, "docs/examples", f), "utf8");
    if (/^export const options/m.test(code) || !/^export (async )?function\*? ?main/m.test(code)) continue; // run with loop options `vloop run` does not take
    add("tutorial (docs/examples)", `docs/examples/${f}`);
  }
  for (const f of ["taste.ts", "run_and_run_sync.ts", "explore_and_replay.ts", "tapes.ts"]) add("tutorial (docs/programs)", `docs/programs/${f}`, "", "script");
  add("tutorial (docs/programs)", "docs/programs/cache_stampede.ts", "buggy");
  for (const name of galleryNames()) add("race gallery (scenarios/races)", `scenarios/races/${name}.ts`, "buggy");
  return out;
}
