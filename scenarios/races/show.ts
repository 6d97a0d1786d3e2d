/**
 * Prints what docs/races.md shows for each gallery entry: explore's tape,
 * shrunk tape and report, with the entry's strategy, budget and the
 * gallery's seed. With --write, rewrites those blocks in docs/races.md.
 *   npx tsx scenarios/races/show.ts [--write] [NAME...]
 */
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { explore } from "../../src/testing.js";
import { exploreOptionsOf, gallery, replaceDocsBlocks, showFinding } from "./gallery.js";

const args = process.argv.slice(2);
const write = args.includes("--write");
const wanted = args.filter((a) => a !== "--write");
const texts = new Map<string, string>();
for (const entry of gallery) {
  if (wanted.length > 0 && !wanted.includes(entry.name)) continue;
  const r = await explore(entry.buggy, exploreOptionsOf(entry));
  const text = r.failed ? showFinding(r) : `not found within ${r.runs} runs`;
  texts.set(entry.name, text);
  console.log(`## ${entry.name} (${entry.meta.strategy}, budget ${entry.meta.budget})\n${text}\n`);
}
if (write) {
  const page = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "docs", "races.md");
  writeFileSync(page, replaceDocsBlocks(readFileSync(page, "utf8"), texts));
  console.log(`rewrote ${texts.size} blocks in ${page}`);
}
