/**
 * Share links for the docs: a link that opens the playground on a program,
 * with a tape and at an iteration.
 *
 *   import { shareLink } from "../playground/shareLink.js";
 *   shareLink(readFileSync("docs/examples/06_sleep_zero.async.ts", "utf8"), { iteration: 3 })
 *
 * or from a shell (prints the link):
 *
 *   npx tsx playground/shareLink.ts FILE [--tape T] [--iteration N] [--export NAME] [--base URL]
 *
 * The hash is the page's own (src/share.ts), so the page reads back exactly
 * what was written. `base` is where the playground is served (default: the
 * local `npm run playground`).
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { encodeShare } from "./src/share.js";

/** Where `npm run playground` serves the page. */
export const LOCAL_PLAYGROUND = "http://localhost:8000/";

/**
 * The playground link that opens `program` (its source text), following `tape`, at `iteration`.
 * Mirrors no asyncio function. Throws nothing.
 * @example shareLink(code, { tape: "0:3", iteration: 2, base: "https://example.org/playground/" })
 */
export function shareLink(program: string, options: { tape?: string; iteration?: number; exportName?: string; base?: string } = {}): string {
  const hash = encodeShare({
    program,
    ...(options.exportName !== undefined ? { exportName: options.exportName } : {}),
    ...(options.tape !== undefined ? { tape: options.tape } : {}),
    ...(options.iteration !== undefined ? { iteration: options.iteration } : {}),
  });
  return `${options.base ?? LOCAL_PLAYGROUND}#${hash}`;
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const [file, ...rest] = process.argv.slice(2);
  const flag = (name: string): string | undefined => {
    const k = rest.indexOf(`--${name}`);
    return k >= 0 ? rest[k + 1] : undefined;
  };
  if (file === undefined) {
    process.stderr.write("usage: npx tsx playground/shareLink.ts FILE [--tape T] [--iteration N] [--export NAME] [--base URL]\n");
    process.exitCode = 2;
  } else {
    const iteration = flag("iteration");
    const code = readFileSync(file, "utf8").replace(/from "(\.\.\/)+src\/index\.js"/g, 'from "vloop"');
    process.stdout.write(`${shareLink(code, { tape: flag("tape"), iteration: iteration === undefined ? undefined : Number(iteration), exportName: flag("export"), base: flag("base") })}\n`);
  }
}
