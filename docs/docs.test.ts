/**
 * The docs run: every fenced block of every docs page (docs/*.md and the
 * repository's README.md) is run or compared with what it claims to be, and
 * a block that claims nothing fails the run.
 *
 * A page marks a fenced block with an HTML comment on the line right before
 * it. Paths are relative to the page's folder (docs/ for docs/*.md, the
 * repository's root for README.md).
 *
 *   <!-- output: examples/NAME.gen.ts examples/NAME.async.ts -->
 *       the block is the output of each listed example, run through the
 *       scenario harness in its style (`*.gen.ts`: generator style under run(),
 *       and under runSync() too; any other file: async style);
 *   <!-- source: examples/NAME.gen.ts -->
 *       the block is the file's text, byte for byte (so the code shown is the
 *       code that ran: a `.ts` file shown must be run by an `output:` or
 *       `stdout:` block or a transcript's `npx vloop run|replay|step|explore`,
 *       be a test file, programs/NAME_test.ts, or be imported by one of these);
 *   <!-- stdout: programs/NAME.ts -->
 *       the block is what the standalone program prints under `node --import tsx`;
 *   <!-- cpython: programs/NAME.out -->
 *       the block is NAME.out, what stock CPython 3.12 printed for the
 *       standalone Python program programs/NAME.py on its real clock
 *       (recorded with `PYENV_VERSION=3.12.1 python3 docs/programs/NAME.py >
 *       docs/programs/NAME.out`; the tests never run Python); if
 *       programs/NAME.ts exists, it must print the same under `node --import tsx`;
 *   <!-- console -->  or  <!-- console: exit N -->
 *       a ```console transcript: each `$ npx vloop ...` (or `$ npx tsx ...`)
 *       line is run from the repository's root as `node bin/vloop.mjs ...`
 *       with NO_COLOR=1, must exit with status N (0 if not given), and must
 *       print (stdout and stderr, interleaved as written) the lines under it;
 *   <!-- run -->  or  <!-- run: exit N -->
 *       a ```sh block of `npx vloop` / `npx tsx` commands, one a line (a
 *       trailing `# comment` is dropped): each is run from the repository's
 *       root and must exit with status N (0 if not given);
 *   <!-- not run: WHY -->
 *       a ```sh block no test runs (it installs packages, or needs CPython):
 *       exactly the blocks listed in NOT_RUN below;
 *   <!-- diagram -->
 *       a ```text drawing or notation, the output of nothing;
 *   <!-- quote: Lib/PATH.py -->
 *       a ```python excerpt of CPython's source file Lib/PATH.py;
 *   <!-- picture: pictures/NAME.txt -->
 *       a timeline drawn by vloop: docs/pictures.test.ts checks it;
 *   <!-- race: NAME -->
 *       what explore finds for scenarios/races/NAME.ts:
 *       scenarios/races/gallery.test.ts checks it.
 *
 * On the teaching pages (docs/teaching.md, docs/misconceptions.md) each ```ts
 * program is followed by a line `[Open in the playground](URL) <!-- playground -->`
 * (`<!-- playground: iteration N -->` opens it at an iteration; a ```console
 * block of one `npx vloop step|replay` may have one too): the URL is made
 * from the block by `npx tsx playground/docLinks.ts --write`, and this file
 * checks that each link still opens its block's program, tape and iteration.
 *
 * Every fenced block must carry one marker, of a kind its language allows
 * (KINDS_OF). Every example must be shown with its output on some page, and
 * an example with a CPython twin (NAME.py) must print that twin's recorded
 * output (NAME.out). Every program under docs/programs is run: by a
 * `stdout:` block, or, for a vitest test file (NAME_test.ts), by this file,
 * which imports it so that its tests run here. Finally the asyncio-to-vloop
 * table must name every export of src/index.ts.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { describe, expect, test } from "vitest";
import { runExample, styleOf } from "./run-example.js";
import { LINK_PAGES, docLinks } from "../playground/docLinks.js";
import { LOCAL_PLAYGROUND } from "../playground/shareLink.js";
import { decodeShare } from "../playground/src/share.js";

const docsDir = dirname(fileURLToPath(import.meta.url));
const repoRoot = dirname(docsDir);
const examplesDir = join(docsDir, "examples");
const programsDir = join(docsDir, "programs");

const KINDS = ["output", "source", "stdout", "cpython", "console", "run", "not run", "diagram", "quote", "picture", "race"] as const;
type Kind = (typeof KINDS)[number];

/** The markers a fenced block may carry, by the block's language. */
const KINDS_OF: Record<string, readonly Kind[]> = {
  ts: ["source"],
  python: ["source", "quote"],
  text: ["output", "stdout", "cpython", "picture", "diagram"],
  console: ["console"],
  sh: ["run", "not run"],
  yaml: ["source"], // a CI workflow shown as it is: src/cli/cli.test.ts runs its commands
  "": ["race"],
};

/**
 * The blocks no test runs, each with why; a `<!-- not run: ... -->` block
 * must be one of these, and each of these must be on its page so marked.
 */
const NOT_RUN: { page: string; text: string }[] = [
  // installs vloop from npm into a user's project (npm run test:package installs the packed tarball)
  { page: "README.md", text: "npm install --save-dev vloop" },
  // installs the dependencies, then runs the whole test suite (this file included)
  {
    page: "README.md",
    text: [
      "npm ci && npm start    # the seed's three examples on the virtual clock",
      "npm ci && npm test     # type-check, unit tests, properties, CPython conformance",
    ].join("\n"),
  },
  // installs the dependencies
  { page: "README.md", text: "npm ci" },
  // serves a page until stopped; playground/playground.test.ts builds the page and loads it in headless Chromium
  {
    page: "README.md",
    text: [
      "npm run playground          # serves it at http://localhost:8000/ and reloads it on every save",
      "npm run build:playground    # the static site, in playground/dist/ (any static host serves it)",
    ].join("\n"),
  },
  // needs CPython 3.12 (the tests never run Python), and rewrites a recorded output
  {
    page: "docs/tutorial.md",
    text: "PYENV_VERSION=3.12.1 python3 scenarios/recorder/vclock_recorder.py docs/examples/01_hello.py > docs/examples/01_hello.out",
  },
];

interface Block {
  page: string; // relative to the repository's root
  lang: string; // the fence's language ("" for none)
  kind: Kind | null; // null: the block has no marker
  arg: string; // what follows the marker's colon
  files: string[]; // output/source/stdout/picture/race: the files named, relative to the repository's root
  exit: number; // console/run: the exit status every command must have
  text: string; // the block's lines joined with "\n", no trailing newline
  where: string; // page:line of the marker (of the fence if there is none)
  after: string; // the line right after the closing fence
}

const MARKER = new RegExp(`^<!--\\s*(${KINDS.join("|")})(?::\\s*(.*?))?\\s*-->\\s*$`);
const FENCE = /^\s*(`{3,}|~{3,})\s*([^\s`]*)/;

/** Every fenced block of one Markdown page (relative to the repository's root), marked or not. */
function fencedBlocks(page: string): Block[] {
  const lines = readFileSync(join(repoRoot, page), "utf8").split("\n");
  const fromPage = (f: string) => relative(repoRoot, join(repoRoot, dirname(page), f));
  const blocks: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    const m = MARKER.exec(lines[i]);
    if (m !== null && !FENCE.test(lines[i + 1] ?? "")) {
      throw new Error(`${page}:${i + 1}: a <!-- ${m[1]} --> marker must be followed at once by a fenced block`);
    }
    const fence = FENCE.exec(lines[i]);
    if (fence === null) continue;
    let j = i + 1;
    while (j < lines.length && lines[j].trim() !== fence[1]) j++;
    if (j === lines.length) throw new Error(`${page}:${i + 1}: the fenced block is not closed`);
    const marker = MARKER.exec(lines[i - 1] ?? "");
    const where = `${page}:${marker === null ? i + 1 : i}`;
    const kind = marker === null ? null : (marker[1] as Kind);
    const arg = marker?.[2] ?? "";
    let files: string[] = [];
    let exit = 0;
    if (kind === "output" || kind === "source" || kind === "stdout" || kind === "cpython" || kind === "picture") {
      if (arg === "") throw new Error(`${where}: a <!-- ${kind}: --> marker names its files`);
      files = arg.split(/\s+/).map(fromPage);
    } else if (kind === "race") {
      files = [`scenarios/races/${arg}.ts`];
    } else if (kind === "console" || kind === "run") {
      const e = /^(?:exit (\d+))?$/.exec(arg);
      if (e === null) throw new Error(`${where}: expected <!-- ${kind} --> or <!-- ${kind}: exit N -->`);
      exit = Number(e[1] ?? 0);
    } else if (kind === "not run" && arg === "") {
      throw new Error(`${where}: a <!-- not run: WHY --> marker says why`);
    } else if (kind === "quote" && !/^Lib\/\S+\.py$/.test(arg)) {
      throw new Error(`${where}: a <!-- quote: Lib/PATH.py --> marker names the CPython file it quotes`);
    } else if (kind === "diagram" && arg !== "") {
      throw new Error(`${where}: a <!-- diagram --> marker takes no argument`);
    }
    blocks.push({ page, lang: fence[2], kind, arg, files, exit, text: lines.slice(i + 1, j).join("\n"), where, after: lines[j + 1] ?? "" });
    i = j;
  }
  return blocks;
}

const pages = ["README.md", ...readdirSync(docsDir).filter((f) => f.endsWith(".md")).sort().map((f) => `docs/${f}`)];
const blocks = pages.flatMap(fencedBlocks);
const examples = readdirSync(examplesDir).filter((f) => f.endsWith(".ts")).sort();
const programs = readdirSync(programsDir).filter((f) => f.endsWith(".ts")).sort();
const programTests = programs.filter((f) => f.endsWith("_test.ts"));
const pythonPrograms = readdirSync(programsDir).filter((f) => f.endsWith(".py")).sort();
/** The TypeScript twin a `cpython:` block runs (programs/NAME.ts beside NAME.out), if there is one. */
const twinOf = (out: string): string | null => {
  const ts = out.replace(/\.out$/, ".ts");
  return existsSync(join(repoRoot, ts)) ? ts : null;
};
const of = (kind: Kind) => blocks.filter((b) => b.kind === kind);

function read(rel: string): string {
  return readFileSync(join(repoRoot, rel), "utf8");
}

/** The environment commands run in: colours off, whatever the terminal. */
const colourless: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: "1" };
delete colourless.FORCE_COLOR;

/** A page's `npx vloop ...` / `npx tsx ...` as this checkout runs it (no install); any other command is refused. */
function localCommand(command: string): string {
  const m = /^npx (vloop|tsx) (.+)$/.exec(command);
  if (m === null) throw new Error(`only \`npx vloop\` and \`npx tsx\` commands are run, not: ${command}`);
  return m[1] === "vloop" ? `node bin/vloop.mjs ${m[2]}` : `node --import tsx ${m[2]}`;
}

/** Runs a page's command from the repository's root: its exit status, and its stdout and stderr interleaved as written. */
function runCommand(command: string): { status: number | null; output: string } {
  const r = spawnSync("/bin/sh", ["-c", `exec 2>&1; ${localCommand(command)}`], {
    cwd: repoRoot,
    env: colourless,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
    timeout: 60_000,
  });
  if (r.error) throw r.error;
  return { status: r.status, output: r.stdout };
}

/**
 * THE ONE NORMALISATION of a command's output before it is compared with a
 * page: a stack trace names files by absolute path, which depends on where
 * the repository is cloned, so the repository's root is written "…" (as the
 * pages show it). Trailing blank lines are dropped on both sides (a
 * transcript ends where its block or the next `$` line begins). Nothing a
 * page shows depends on the wall clock, so nothing else is replaced.
 */
function normalise(output: string): string {
  return output.split(repoRoot).join("…").replace(/\n+$/, "");
}

/** The steps of a ```console block: each `$ ` line, and the output lines under it. */
function transcript(b: Block): { command: string; output: string }[] {
  const steps: { command: string; lines: string[] }[] = [];
  for (const line of b.text.split("\n")) {
    if (line.startsWith("$ ")) steps.push({ command: line.slice(2), lines: [] });
    else if (steps.length === 0) throw new Error(`${b.where}: a console block starts with a \`$ \` command line`);
    else steps[steps.length - 1].lines.push(line);
  }
  return steps.map((s) => ({ command: s.command, output: s.lines.join("\n").replace(/\n+$/, "") }));
}

/** The commands of a ```sh block: one a line, without trailing `# comments`; blank and comment lines skipped. */
function commandLines(b: Block): string[] {
  return b.text
    .split("\n")
    .map((line) => line.replace(/(^|\s+)#\s.*$/, "").trim())
    .filter((line) => line !== "");
}

describe("docs pages", () => {
  test("there are pages, and each marker names files that exist", () => {
    expect(pages).toEqual(expect.arrayContaining(["README.md", "docs/asyncio-to-vloop.md", "docs/tutorial.md", "docs/how-the-loop-works.md"]));
    for (const b of blocks) {
      for (const f of b.files) expect(existsSync(join(repoRoot, f)), `${b.where}: ${f}`).toBe(true);
    }
  });

  test("every fenced block carries a marker its language allows", () => {
    const problems = blocks.flatMap((b) => {
      if (b.kind === null) return [`${b.where}: a \`\`\`${b.lang} block with no marker`];
      if (!(KINDS_OF[b.lang] ?? []).includes(b.kind)) return [`${b.where}: a <!-- ${b.kind} --> marker on a \`\`\`${b.lang} block`];
      return [];
    });
    expect(problems, "blocks no test checks").toEqual([]);
  });

  test("every example is shown with its output on some page", () => {
    const shown = new Set(of("output").flatMap((b) => b.files));
    const missing = examples.filter((f) => !shown.has(`docs/examples/${f}`));
    expect(missing, "examples no page shows the output of").toEqual([]);
  });

  test("every program is run, and every TypeScript file shown is run", () => {
    const run = new Set([...of("output"), ...of("stdout")].flatMap((b) => b.files));
    for (const b of of("cpython")) if (twinOf(b.files[0]) !== null) run.add(twinOf(b.files[0]) as string);
    for (const f of programTests) run.add(`docs/programs/${f}`);
    // a file a transcript runs (`npx vloop run|replay|step|explore FILE`) is run
    for (const b of [...of("console"), ...of("run")]) {
      for (const m of b.text.matchAll(/npx vloop (?:run|replay|step|explore) (\S+\.ts)\b/g)) run.add(m[1]);
    }
    // a program's own modules (`from "./NAME.js"`), and theirs, run with it
    const queue = [...run];
    while (queue.length > 0) {
      const f = queue.pop() as string;
      if (!f.startsWith("docs/programs/") || !existsSync(join(repoRoot, f))) continue;
      for (const m of readFileSync(join(repoRoot, f), "utf8").matchAll(/from "\.\/([\w-]+)\.js"/g)) {
        const dep = `docs/programs/${m[1]}.ts`;
        if (!run.has(dep)) queue.push(dep);
        run.add(dep);
      }
    }
    const unrun = programs.filter((f) => !run.has(`docs/programs/${f}`));
    expect(unrun, "programs under docs/programs that no block runs").toEqual([]);
    const shownUnrun = of("source").flatMap((b) => b.files.filter((f) => f.endsWith(".ts") && !run.has(f)).map((f) => `${b.where}: ${f}`));
    expect(shownUnrun, "TypeScript files shown but never run").toEqual([]);
  });

  test("on the teaching pages, every program shown is followed by a playground link that opens that program", () => {
    for (const page of LINK_PAGES) {
      const shown = blocks.filter((b) => b.page === page && b.kind === "source" && b.lang === "ts");
      expect(shown.length, page).toBeGreaterThan(0);
      for (const b of shown) expect(b.after, `${b.where}: the line after the block`).toMatch(/^\[Open in the playground[^\]]*\]\(\S+\) <!-- playground(: [^>]*)? -->$/);
      const links = docLinks(page, read(page));
      // decoded with the page's own reader: each ts block's link carries the block, as its file holds it
      const programs = links.filter((l) => l.text.length > 0 && shown.some((b) => b.after === l.text)).map((l) => decodeShare(new URL(l.url ?? "x:").hash)?.program);
      expect(programs, `${page}: the programs the links after its ts blocks open`).toEqual(shown.map((b) => `${b.text}\n`));
    }
  });

  for (const page of LINK_PAGES) {
    for (const l of docLinks(page, read(page))) {
      test(`${page}:${l.line}: the playground link opens its block's program${l.tape !== undefined ? ", tape" : ""}${l.iteration !== undefined ? ", iteration" : ""} (npx tsx playground/docLinks.ts --write remakes it)`, () => {
        expect(l.url, "a link line with its URL").not.toBeNull();
        const url = new URL(l.url as string);
        expect(`${url.origin}/`, "the local playground (npm run playground): it is hosted nowhere else yet").toBe(LOCAL_PLAYGROUND);
        const state = decodeShare(url.hash);
        expect(state?.program, "the program").toBe(l.program);
        if (l.file.startsWith("docs/")) expect(state?.program, "the program is its file's").toBe(read(l.file));
        expect(state?.exportName, "the entry point").toBe(l.exportName);
        expect(state?.tape, "the tape").toBe(l.tape);
        expect(state?.iteration, "the iteration").toBe(l.iteration);
        expect(l.text, "the whole line, label included").toBe(l.expected);
      });
    }
  }

  test("the blocks not run are exactly the ones listed in NOT_RUN", () => {
    expect(of("not run").map((b) => ({ page: b.page, text: b.text }))).toEqual(NOT_RUN);
  });

  for (const b of of("source")) {
    test(`${b.where}: the code shown is ${b.files[0]}`, () => {
      expect(b.text).toBe(read(b.files[0]).replace(/\n$/, ""));
    });
  }

  for (const b of of("output")) {
    for (const file of b.files) {
      test(`${b.where}: the output shown is what ${file} prints`, async () => {
        const lines = await runExample(join(repoRoot, file));
        expect(b.text).toBe(lines.join("\n"));
        if (styleOf(file) === "gen") {
          expect(await runExample(join(repoRoot, file), "sync"), "under runSync").toEqual(lines);
        }
      });
    }
  }

  for (const b of of("stdout")) {
    test(`${b.where}: the output shown is what ${b.files[0]} prints`, () => {
      const out = execFileSync(process.execPath, ["--import", "tsx", join(repoRoot, b.files[0])], {
        cwd: repoRoot,
        env: colourless,
        encoding: "utf8",
      });
      expect(b.text).toBe(out.replace(/\n$/, ""));
    });
  }

  test("every Python program under docs/programs is shown with its recorded output", () => {
    const shown = new Set(of("cpython").map((b) => b.files[0]));
    const missing = pythonPrograms.filter((f) => !shown.has(`docs/programs/${f.replace(/\.py$/, ".out")}`));
    expect(missing, "programs/NAME.py with no <!-- cpython: programs/NAME.out --> block").toEqual([]);
  });

  for (const b of of("cpython")) {
    test(`${b.where}: the output shown is what CPython printed for ${b.files[0].replace(/\.out$/, ".py")}`, () => {
      expect(b.files[0], "a cpython: marker names programs/NAME.out").toMatch(/^docs\/programs\/[\w-]+\.out$/);
      expect(existsSync(join(repoRoot, b.files[0].replace(/\.out$/, ".py"))), "its Python program").toBe(true);
      expect(b.text).toBe(read(b.files[0]).replace(/\n$/, ""));
      const twin = twinOf(b.files[0]);
      if (twin !== null) {
        const out = execFileSync(process.execPath, ["--import", "tsx", join(repoRoot, twin)], { cwd: repoRoot, env: colourless, encoding: "utf8" });
        expect(out, `${twin} prints what CPython printed`).toBe(read(b.files[0]));
      }
    });
  }

  for (const b of of("console")) {
    for (const step of transcript(b)) {
      test(`${b.where}: \`${step.command}\` prints what the page shows and exits with ${b.exit}`, () => {
        const { status, output } = runCommand(step.command);
        expect(step.output).toBe(normalise(output));
        expect(status, output).toBe(b.exit);
      });
    }
  }

  for (const b of of("run")) {
    for (const command of commandLines(b)) {
      test(`${b.where}: \`${command}\` exits with ${b.exit}`, () => {
        const { status, output } = runCommand(command);
        expect(status, output).toBe(b.exit);
      });
    }
  }
});

/** A heading's anchor as GitHub makes it: lower case, punctuation dropped, spaces as hyphens. */
function slug(heading: string): string {
  return heading.trim().toLowerCase().replace(/[^\p{L}\p{N}_\- ]/gu, "").replace(/ /g, "-");
}

/** The anchors of a Markdown page: its headings outside fenced blocks. */
function anchorsOf(page: string): Set<string> {
  const anchors = new Set<string>();
  let fenced = false;
  for (const line of read(page).split("\n")) {
    if (FENCE.test(line)) fenced = !fenced;
    const h = fenced ? null : /^#{1,6}\s+(.*)$/.exec(line);
    if (h !== null) anchors.add(slug(h[1]));
  }
  return anchors;
}

describe("links between the pages", () => {
  test("every relative link names a file that exists, and a heading of a page that has it", () => {
    const broken: string[] = [];
    for (const page of pages) {
      const prose = read(page).replace(/^\s*(`{3,}|~{3,})[^]*?^\s*\1\s*$/gm, "");
      for (const m of prose.matchAll(/\]\(([^)\s]+)\)/g)) {
        if (/^[a-z]+:/.test(m[1])) continue; // https:, mailto:
        const [path, anchor] = m[1].split("#");
        const target = path === "" ? page : relative(repoRoot, join(repoRoot, dirname(page), path));
        if (!existsSync(join(repoRoot, target))) broken.push(`${page}: ${m[1]} (no such file)`);
        else if (anchor !== undefined && target.endsWith(".md") && !anchorsOf(target).has(anchor)) broken.push(`${page}: ${m[1]} (no such heading)`);
      }
    }
    expect(broken).toEqual([]);
  });
});

describe("docs/programs test files (run here)", async () => {
  for (const f of programTests) await import(pathToFileURL(join(programsDir, f)).href);
});

describe("docs examples agree with CPython", () => {
  const twins = examples.filter((f) => existsSync(join(examplesDir, f.replace(/\.(gen|async)\.ts$/, ".py"))));
  test("every CPython twin has its recorded output", () => {
    for (const f of twins) {
      expect(existsSync(join(examplesDir, f.replace(/\.(gen|async)\.ts$/, ".out"))), f).toBe(true);
    }
  });
  for (const f of twins) {
    test(`${f} prints what CPython 3.12 printed for its .py twin`, async () => {
      const expected = readFileSync(join(examplesDir, f.replace(/\.(gen|async)\.ts$/, ".out")), "utf8");
      const lines = await runExample(join(examplesDir, f));
      expect(lines.map((l) => `${l}\n`).join("")).toBe(expected);
    });
  }
});

/**
 * The code spans in the vloop columns of a page's tables (the columns whose
 * header starts with "vloop"), so that a name counts only where the table
 * gives its vloop form, not where a Python form or a note mentions it.
 */
function vloopCells(page: string): string[] {
  const split = (row: string) => row.trim().replace(/^\|/, "").replace(/\|$/, "").split(/(?<!\\)\|/);
  const lines = page.split("\n");
  const found: string[] = [];
  for (let i = 0; i + 1 < lines.length; i++) {
    if (!lines[i].startsWith("|") || !/^\|[-| :]+\|$/.test(lines[i + 1])) continue;
    const columns = split(lines[i]).flatMap((h, k) => (h.trim().startsWith("vloop") ? [k] : []));
    for (i += 2; i < lines.length && lines[i].startsWith("|"); i++) {
      const cells = split(lines[i]);
      for (const k of columns) found.push(...[...(cells[k] ?? "").matchAll(/`([^`]*)`/g)].map((m) => m[1]));
    }
  }
  return found;
}

describe("the asyncio-to-vloop table", () => {
  test("names every export of src/index.ts", () => {
    const index = readFileSync(join(repoRoot, "src", "index.ts"), "utf8");
    const names = new Set<string>();
    for (const m of index.matchAll(/export\s+(?:type\s+)?\{([^}]*)\}/g)) {
      for (const part of m[1].split(",")) {
        const name = part.trim().replace(/^type\s+/, "").split(/\s+as\s+/).pop()!.trim();
        if (name !== "") names.add(name);
      }
    }
    expect(names.size).toBeGreaterThan(40);
    const cells = vloopCells(read("docs/asyncio-to-vloop.md"));
    const missing = [...names].filter((n) => !cells.some((c) => new RegExp(`\\b${n}\\b`).test(c)));
    expect(missing, "exports the table does not mention").toEqual([]);
  });
});
