/**
 * The docs' pictures cannot drift from the code: every picture of
 * docs/pictures.ts is drawn again in memory and compared with the committed
 * docs/pictures/NAME.svg and NAME.txt, byte for byte. docs/pictures holds
 * nothing else, every picture is embedded in some docs page, and a text
 * timeline a page shows under a `<!-- picture: pictures/NAME.txt -->` marker
 * is that file. After a change to the loop or the renderers:
 *
 *   npm run docs:pictures
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { docsDir, draw, pictures, picturesDir } from "./pictures.js";

const all = await pictures();
const pages = readdirSync(docsDir).filter((f) => f.endsWith(".md")).sort();
const pageText = new Map(pages.map((p) => [p, readFileSync(join(docsDir, p), "utf8")]));
const REGENERATE = "run `npm run docs:pictures` and commit docs/pictures";

const MARKER = /^<!--\s*picture:\s*(\S+)\s*-->\s*$/;

/** The fenced blocks marked `<!-- picture: FILE -->` on a page. */
function pictureBlocks(page: string): { file: string; text: string; where: string }[] {
  const lines = (pageText.get(page) as string).split("\n");
  const found: { file: string; text: string; where: string }[] = [];
  for (let i = 0; i < lines.length; i++) {
    const m = MARKER.exec(lines[i]);
    if (m === null) continue;
    const where = `${page}:${i + 1}`;
    const fence = /^(`{3,})/.exec(lines[i + 1] ?? "");
    if (fence === null) throw new Error(`${where}: a <!-- picture: --> marker must be followed at once by a fenced block`);
    let j = i + 2;
    while (j < lines.length && lines[j] !== fence[1]) j++;
    found.push({ file: m[1], text: lines.slice(i + 2, j).join("\n"), where });
    i = j;
  }
  return found;
}

describe("docs/pictures", () => {
  for (const p of all) {
    test(`${p.name}: the committed .svg and .txt are what ${p.source} draws`, async () => {
      const { svg, txt } = await draw(p);
      for (const [ext, text] of [["svg", svg], ["txt", txt]] as const) {
        const file = join(picturesDir, `${p.name}.${ext}`);
        expect(existsSync(file), `docs/pictures/${p.name}.${ext} is missing: ${REGENERATE}`).toBe(true);
        expect(readFileSync(file, "utf8"), `docs/pictures/${p.name}.${ext} is out of date: ${REGENERATE}`).toBe(text);
      }
    });
  }

  test("the folder holds the pictures' files and nothing else", () => {
    // and the README's screenshot of the playground (a copy of playground/screenshots/stepping.png, which its browser test writes)
    const expected = [...all.flatMap((p) => [`${p.name}.svg`, `${p.name}.txt`]), "playground.png"].sort();
    expect(readdirSync(picturesDir).sort(), REGENERATE).toEqual(expected);
  });

  test("every picture is embedded in some docs page", () => {
    const shown = (name: string) => [...pageText.values()].some((t) => t.includes(`(pictures/${name}.svg)`) || t.includes(`<!-- picture: pictures/${name}.txt -->`));
    expect(all.map((p) => p.name).filter((n) => !shown(n)), "pictures no page embeds").toEqual([]);
  });

  test("every embedded SVG exists", () => {
    for (const [page, text] of pageText) {
      for (const m of text.matchAll(/\]\((pictures\/[^)\s]+\.svg)\)/g)) expect(existsSync(join(docsDir, m[1])), `${page}: ${m[1]}`).toBe(true);
    }
  });

  const blocks = pages.flatMap(pictureBlocks);
  for (const b of blocks) {
    test(`${b.where}: the timeline shown is ${b.file}`, () => {
      const file = join(docsDir, b.file);
      expect(existsSync(file), `${b.where}: ${b.file} does not exist`).toBe(true);
      expect(b.text).toBe(readFileSync(file, "utf8").replace(/\n$/, ""));
    });
  }
});
