// The playground's static site, built with esbuild:
//
//   node playground/build.mjs            writes playground/dist/ (npm run build:playground)
//   node playground/build.mjs --serve    serves it with live reload (npm run playground)
//
// Two bundles: the page (CodeMirror, the panels, lz-string for share links)
// and its worker (vloop itself, and sucrase to transpile TypeScript). The
// examples menu is read from the repository when the page is built
// (examples.mjs). No server code: dist/ can be put on any static host.
//
// Measured, bundled by esbuild, minified and gzipped: sucrase's transform()
// 47 kB against TypeScript's transpileModule 1,001 kB (sucrase keeps every
// line where it was, so errors point at the user's lines); CodeMirror 6's
// view, state and TypeScript highlighting about 131 kB. This script prints
// the sizes it writes.
import { copyFileSync, mkdirSync, rmSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { build, context } from "esbuild";
import { collectExamples } from "./examples.mjs";

const here = new URL(".", import.meta.url).pathname;
const outdir = `${here}dist`;
const serve = process.argv.includes("--serve");
const port = Number(process.env.PORT ?? 8000);

/** `import { examples } from "virtual:examples"`: the menu, as data. */
const examplesPlugin = {
  name: "examples",
  setup(b) {
    b.onResolve({ filter: /^virtual:examples$/ }, () => ({ path: "examples", namespace: "examples" }));
    b.onLoad({ filter: /.*/, namespace: "examples" }, () => ({
      contents: `export const examples = ${JSON.stringify(collectExamples())};`,
      loader: "js",
      watchFiles: collectExamples().map((e) => new URL(`../${e.file}`, import.meta.url).pathname),
    }));
  },
};

const options = {
  entryPoints: { main: `${here}src/main.ts`, worker: `${here}src/worker.ts` },
  outdir,
  bundle: true,
  format: "esm",
  platform: "browser",
  target: "es2022",
  minify: !serve,
  // vloop names callbacks by their functions' names ("callback doneCallback"): keep them through minification
  keepNames: true,
  sourcemap: serve ? "inline" : false,
  metafile: true,
  logLevel: "warning",
  define: { LIVE_RELOAD: serve ? "true" : "false" },
  plugins: [examplesPlugin],
};

rmSync(outdir, { recursive: true, force: true });
mkdirSync(outdir, { recursive: true });
for (const f of ["index.html"]) copyFileSync(`${here}${f}`, `${outdir}/${f}`);

if (serve) {
  const ctx = await context(options);
  await ctx.watch();
  const { hosts, port: bound } = await ctx.serve({ servedir: outdir, port });
  console.log(`playground: http://${hosts[0] === "0.0.0.0" ? "localhost" : hosts[0]}:${bound}/ (rebuilds and reloads on save; Ctrl+C stops)`);
} else {
  const result = await build(options);
  for (const [file, out] of Object.entries(result.metafile.outputs)) {
    const { readFileSync } = await import("node:fs");
    const bytes = readFileSync(file);
    console.log(`${file.replace(/^.*\/playground\//, "playground/")}: ${(out.bytes / 1024).toFixed(0)} kB, ${(gzipSync(bytes).length / 1024).toFixed(0)} kB gzipped`);
  }
}
