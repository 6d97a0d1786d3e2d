/**
 * The docs run: every example under docs/examples is executed, and every
 * block a docs page shows is compared with what it claims to be.
 *
 * A page marks a fenced block with an HTML comment on the line right before it:
 *
 *   <!-- output: examples/NAME.gen.ts examples/NAME.async.ts -->
 *       the block is the output of each listed example, run through the
 *       scenario harness in its style (`*.gen.ts`: generator style under run(),
 *       and under runSync() too; any other file: async style);
 *   <!-- source: examples/NAME.gen.ts -->
 *       the block is the file's text, byte for byte (so the code shown is the
 *       code that ran);
 *   <!-- stdout: programs/NAME.ts -->
 *       the block is what the standalone program prints under `node --import tsx`.
 *
 * Paths are relative to docs/. Every example must be shown with its output
 * on some page, and an example with a CPython twin (NAME.py) must print
 * that twin's recorded output (NAME.out). Finally the asyncio-to-vloop
 * table must name every export of src/index.ts.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { runExample, styleOf } from "./run-example.js";

const docsDir = dirname(fileURLToPath(import.meta.url));
const repoRoot = dirname(docsDir);
const examplesDir = join(docsDir, "examples");

type Kind = "output" | "source" | "stdout";
interface Block {
  kind: Kind;
  files: string[]; // relative to docs/
  text: string; // the block's lines joined with "\n", no trailing newline
  where: string; // page:line of the marker
}

const MARKER = /^<!--\s*(output|source|stdout):\s*(.+?)\s*-->\s*$/;

/** Every marked block of one Markdown page. */
function markedBlocks(page: string): Block[] {
  const lines = readFileSync(join(docsDir, page), "utf8").split("\n");
  const blocks: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    const m = MARKER.exec(lines[i]);
    if (m === null) continue;
    const where = `${page}:${i + 1}`;
    const fence = /^(`{3,})/.exec(lines[i + 1] ?? "");
    if (fence === null) throw new Error(`${where}: a <!-- ${m[1]}: --> marker must be followed at once by a fenced block`);
    const body: string[] = [];
    let j = i + 2;
    for (; j < lines.length && lines[j] !== fence[1]; j++) body.push(lines[j]);
    if (j === lines.length) throw new Error(`${where}: the fenced block is not closed`);
    blocks.push({ kind: m[1] as Kind, files: m[2].split(/\s+/), text: body.join("\n"), where });
    i = j;
  }
  return blocks;
}

const pages = readdirSync(docsDir).filter((f) => f.endsWith(".md")).sort();
const blocks = pages.flatMap(markedBlocks);
const examples = readdirSync(examplesDir).filter((f) => f.endsWith(".ts")).sort();

function read(rel: string): string {
  return readFileSync(join(docsDir, rel), "utf8");
}

describe("docs pages", () => {
  test("there are pages, and each marker names files that exist", () => {
    expect(pages).toEqual(expect.arrayContaining(["asyncio-to-vloop.md", "tutorial.md", "how-the-loop-works.md"]));
    for (const b of blocks) {
      for (const f of b.files) expect(existsSync(join(docsDir, f)), `${b.where}: ${f}`).toBe(true);
    }
  });

  test("every example is shown with its output on some page", () => {
    const shown = new Set(blocks.filter((b) => b.kind === "output").flatMap((b) => b.files));
    const missing = examples.filter((f) => !shown.has(`examples/${f}`));
    expect(missing, "examples no page shows the output of").toEqual([]);
  });

  for (const b of blocks.filter((x) => x.kind === "source")) {
    test(`${b.where}: the code shown is ${b.files[0]}`, () => {
      expect(b.text).toBe(read(b.files[0]).replace(/\n$/, ""));
    });
  }

  for (const b of blocks.filter((x) => x.kind === "output")) {
    for (const file of b.files) {
      test(`${b.where}: the output shown is what ${file} prints`, async () => {
        const lines = await runExample(join(docsDir, file));
        expect(b.text).toBe(lines.join("\n"));
        if (styleOf(file) === "gen") {
          expect(await runExample(join(docsDir, file), "sync"), "under runSync").toEqual(lines);
        }
      });
    }
  }

  for (const b of blocks.filter((x) => x.kind === "stdout")) {
    test(`${b.where}: the output shown is what ${b.files[0]} prints`, () => {
      const out = execFileSync(process.execPath, ["--import", "tsx", join(docsDir, b.files[0])], {
        cwd: repoRoot,
        encoding: "utf8",
      });
      expect(b.text).toBe(out.replace(/\n$/, ""));
    });
  }
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
    const cells = vloopCells(read("asyncio-to-vloop.md"));
    const missing = [...names].filter((n) => !cells.some((c) => new RegExp(`\\b${n}\\b`).test(c)));
    expect(missing, "exports the table does not mention").toEqual([]);
  });
});
