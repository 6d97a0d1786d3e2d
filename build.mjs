// `npm run build` (and `prepack`, so `npm pack` and installs from git have it):
// the published package in dist/.
//
// - JavaScript: esbuild bundles each entry point (the exports map's five and
//   the command line's) into ES modules, with shared code split into chunks
//   so every entry sees one copy of vloop's state (one running loop, one
//   Future class). Not minified: the JavaScript reads like the TypeScript it
//   comes from. Source maps without the sources' text (src/ is not
//   published): stack traces under --enable-source-maps or vitest still name
//   the TypeScript file and line; carrying the text would add 400 kB and put
//   the install past its 2 MB budget.
// - Types: tsc writes one .d.ts per source file (tsconfig.build.json).
//
// Measured against the alternatives on this code (2-core machine, Node 20):
// tsc alone emits 216 files, 1.5 MB on disk with source maps, in 7 s;
// tsup 9 (which says it is no longer maintained) 55 files, 0.85 MB, in 5 s;
// tsdown 0.23 needs Node >= 22.18 and does not run on Node 20.
// esbuild + tsc: see the figures this script prints.
import { rmSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { build } from "esbuild";

const started = performance.now();
rmSync("dist", { recursive: true, force: true });

const entries = {
  index: "src/index.ts",
  testing: "src/testing.ts",
  vitest: "src/vitest.ts",
  fastcheck: "src/fastcheck.ts",
  scenario: "src/scenario/index.ts",
  "cli/vloop": "src/cli/vloop.ts",
  "cli/exploreWorker": "src/cli/exploreWorker.ts",
};

const result = await build({
  entryPoints: entries,
  outdir: "dist",
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "neutral",
  target: "es2022",
  sourcemap: true,
  sourcesContent: false,
  // Dependencies stay imports: the core's one (seedrandom), the optional
  // peers (fast-check, vitest, tsx) and the command line's (commander, node:*).
  packages: "external",
  external: ["node:*"],
  chunkNames: "chunks/[name]-[hash]",
  metafile: true,
  logLevel: "warning",
});

execFileSync(process.execPath, ["node_modules/typescript/bin/tsc", "-p", "tsconfig.build.json"], { stdio: "inherit" });

const outputs = Object.entries(result.metafile.outputs);
const js = outputs.filter(([f]) => f.endsWith(".js")).reduce((n, [, o]) => n + o.bytes, 0);
const maps = outputs.filter(([f]) => f.endsWith(".map")).reduce((n, [, o]) => n + o.bytes, 0);
console.log(
  `dist/: ${outputs.filter(([f]) => f.endsWith(".js")).length} modules (${(js / 1024).toFixed(0)} kB), ` +
    `source maps ${(maps / 1024).toFixed(0)} kB, declarations by tsc; ${((performance.now() - started) / 1000).toFixed(1)} s`,
);
