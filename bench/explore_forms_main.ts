/**
 * Entry point of bench/explore_forms.ts as a program (tsx, or the esbuild bundle
 * bench/explore.ts makes of it); vitest imports explore_forms.ts itself instead
 * (bench/explore_forms.vitest.ts).
 */
import { formsMain } from "./explore_forms.js";

formsMain(process.argv.slice(2)).catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
