/**
 * The playground links of the teaching pages (docs/teaching.md,
 * docs/misconceptions.md), made from the blocks they follow.
 *
 * On those pages a program block is followed at once by a link line:
 *
 *   [Open in the playground](URL) <!-- playground -->
 *   [Open in the playground at iteration 2](URL) <!-- playground: iteration 2 -->
 *
 * The comment is what a person writes; the link is made from it and from the
 * block above it: a ```ts block is the program itself; a ```console block of
 * one `$ npx vloop step|replay FILE [--export NAME] [--tape "T"]` opens FILE
 * as the playground's examples menu shows it, with that entry point and tape.
 * `iteration N` opens the run at loop iteration N (as `vloop step` numbers
 * them). The links point at the local playground (`npm run playground`,
 * LOCAL_PLAYGROUND): it is hosted nowhere else yet.
 *
 *   npx tsx playground/docLinks.ts           lists the pages whose links are out of date (exit 1 if any)
 *   npx tsx playground/docLinks.ts --write   rewrites every link from its block
 *
 * docs/docs.test.ts checks that every link carries its block's program;
 * playground/playground.test.ts opens every link in headless Chromium.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
// @ts-expect-error: a plain JavaScript module (the build script's)
import { collectExamples } from "./examples.mjs";
import { LOCAL_PLAYGROUND, shareLink } from "./shareLink.js";

/** The pages with playground links, relative to the repository's root. */
export const LINK_PAGES = ["docs/teaching.md", "docs/misconceptions.md"];

const root = resolve(fileURLToPath(new URL(".", import.meta.url)), "..");

/** One link line, and what it should open. */
export interface DocLink {
  /** the page, relative to the repository's root */
  page: string;
  /** the link line's number on the page (from 1) */
  line: number;
  /** the link line as the page has it */
  text: string;
  /** the URL the page has on that line (null: none yet) */
  url: string | null;
  /** what the link should open: the block's program, entry point, tape, iteration */
  program: string;
  exportName?: string;
  tape?: string;
  iteration?: number;
  /** the repository file the program is (the block's `source:` file, or the command's FILE) */
  file: string;
  /** the line the block's program makes (LOCAL_PLAYGROUND as base) */
  expected: string;
}

const LINE = /^(?:\[[^\]]*\]\((\S*)\) )?<!-- playground(?::\s*(.*?))? -->\s*$/;
const FENCE = /^\s*(`{3,}|~{3,})\s*([^\s`]*)/;
const COMMAND = /^\$ npx vloop (?:step|replay) (\S+\.ts)((?: --(?:export \w+|tape "[^"]*"))*)$/;

/**
 * The playground link lines of one page (`text` is the page's content).
 * Mirrors no asyncio function.
 * @throws Error naming the page and line of a link line that follows no block it can link, or a bad `<!-- playground: ... -->`.
 * @example for (const l of docLinks("docs/teaching.md", readFileSync("docs/teaching.md", "utf8"))) console.log(l.line, l.url === l.expected.match(/\((\S*)\)/)?.[1]);
 */
export function docLinks(page: string, text: string): DocLink[] {
  const lines = text.split("\n");
  const links: DocLink[] = [];
  for (const [i, line] of lines.entries()) {
    const m = LINE.exec(line);
    if (m === null) continue;
    const where = `${page}:${i + 1}`;
    const arg = m[2] ?? "";
    const it = /^(?:iteration (\d+))?$/.exec(arg);
    if (it === null) throw new Error(`${where}: expected <!-- playground --> or <!-- playground: iteration N --> (got <!-- playground: ${arg} -->)`);
    // the block right above: its closing fence, opening fence and marker
    const close = lines[i - 1] ?? "";
    let open = i - 2;
    while (open >= 0 && !(FENCE.test(lines[open]) && lines[open].trim().replace(/^(`{3,}|~{3,}).*$/, "$1") === close.trim())) open--;
    if (!FENCE.test(close) || open < 0) throw new Error(`${where}: a playground link must follow a fenced block at once`);
    const lang = (FENCE.exec(lines[open]) as RegExpExecArray)[2];
    const body = lines.slice(open + 1, i - 1);
    let state: { program: string; exportName?: string; tape?: string; file: string };
    if (lang === "ts") {
      const source = /^<!--\s*source:\s*(\S+)\s*-->$/.exec(lines[open - 1] ?? "");
      if (source === null) throw new Error(`${where}: the \`\`\`ts block above the link has no <!-- source: FILE --> marker`);
      state = { program: `${body.join("\n")}\n`, file: join(page, "..", source[1]) };
    } else if (lang === "console") {
      const commands = body.filter((l) => l.startsWith("$ "));
      const c = commands.length === 1 ? COMMAND.exec(commands[0]) : null;
      if (c === null) throw new Error(`${where}: the console block above the link must run one \`npx vloop step|replay FILE [--export NAME] [--tape "T"]\``);
      const example = (collectExamples() as { file: string; code: string }[]).find((e) => e.file === c[1]);
      if (example === undefined) throw new Error(`${where}: ${c[1]} is not in the playground's examples menu (playground/examples.mjs)`);
      state = {
        program: example.code,
        file: c[1],
        ...(/--export (\w+)/.test(c[2]) ? { exportName: (/--export (\w+)/.exec(c[2]) as RegExpExecArray)[1] } : {}),
        ...(/--tape "([^"]*)"/.test(c[2]) ? { tape: (/--tape "([^"]*)"/.exec(c[2]) as RegExpExecArray)[1] } : {}),
      };
    } else throw new Error(`${where}: a playground link follows a \`\`\`ts or \`\`\`console block, not a \`\`\`${lang} one`);
    const iteration = it[1] === undefined ? undefined : Number(it[1]);
    const url = shareLink(state.program, { exportName: state.exportName, tape: state.tape, iteration, base: LOCAL_PLAYGROUND });
    const label = `Open in the playground${iteration !== undefined ? ` at iteration ${iteration}` : ""}${state.tape !== undefined ? `, following the tape "${state.tape}"` : ""}`;
    links.push({
      page,
      line: i + 1,
      text: line,
      url: m[1] ?? null,
      ...state,
      ...(iteration !== undefined ? { iteration } : {}),
      expected: `[${label}](${url}) <!-- playground${arg !== "" ? `: ${arg}` : ""} -->`,
    });
  }
  return links;
}

/**
 * The page's text with every playground link line made from its block.
 * Mirrors no asyncio function.
 * @throws Error as docLinks does.
 * @example writeFileSync(path, withLinks(page, readFileSync(path, "utf8")));
 */
export function withLinks(page: string, text: string): string {
  const lines = text.split("\n");
  for (const l of docLinks(page, text)) lines[l.line - 1] = l.expected;
  return lines.join("\n");
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  const write = process.argv.includes("--write");
  let stale = 0;
  for (const page of LINK_PAGES) {
    const path = join(root, page);
    const text = readFileSync(path, "utf8");
    const next = withLinks(page, text);
    const n = docLinks(page, text).length;
    if (next === text) {
      process.stdout.write(`${page}: ${n} links, up to date\n`);
    } else if (write) {
      writeFileSync(path, next);
      process.stdout.write(`${page}: ${n} links, rewritten\n`);
    } else {
      stale++;
      process.stdout.write(`${page}: links out of date (run npx tsx playground/docLinks.ts --write)\n`);
    }
  }
  if (stale > 0) process.exitCode = 1;
}
