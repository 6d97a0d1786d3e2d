/**
 * How many runs each strategy needs to find each gallery bug, over many
 * seeds: the evidence behind each entry's strategy and budget.
 *   npx tsx scenarios/races/measure.ts [--seeds N] [--all] [--fixed] [NAME...]
 * --all also measures the strategies the entry does not use;
 * --fixed instead searches each fixed program much harder than the test does.
 */
import { type StrategyName, explore } from "../../src/testing.js";
import { gallery } from "./gallery.js";

const args = process.argv.slice(2);
const seedsAt = args.indexOf("--seeds");
const seeds = seedsAt >= 0 ? Number(args[seedsAt + 1]) : 100;
const all = args.includes("--all");
const wanted = args.filter((a, i) => !a.startsWith("--") && args[i - 1] !== "--seeds");
const CAP = 2000;

if (args.includes("--fixed")) {
  const searches = [["random", {}], ["pct", {}], ["pct", { depth: 4 }], ["dfs", { maxDeviations: 3 }]] as const;
  for (const entry of gallery) {
    if (wanted.length > 0 && !wanted.includes(entry.name)) continue;
    const out: string[] = [];
    for (const [strategy, extra] of searches) {
      const r = await explore(entry.fixed, { ...(entry.meta.options ?? {}), strategy, runs: 3000, seed: "fixed", ...extra });
      out.push(`${strategy}${JSON.stringify(extra)} ${r.failed ? `FAILS\n${r.report}\n` : `ok (${r.runs} runs${r.exhausted ? ", exhausted" : ""})`}`);
    }
    console.log(`${entry.name.padEnd(20)} ${out.join(" | ")}`);
  }
  process.exit(0);
}

console.log(`runs to the first failure over ${seeds} seeds (dfs: one, it ignores the seed); > ${CAP}: not found`);
for (const entry of gallery) {
  if (wanted.length > 0 && !wanted.includes(entry.name)) continue;
  const strategies: StrategyName[] = all ? ["dfs", "pct", "random"] : [entry.meta.strategy];
  for (const strategy of strategies) {
    const found: number[] = [];
    const started = Date.now();
    for (let seed = 0; seed < (strategy === "dfs" ? 1 : seeds); seed++) {
      const r = await explore(entry.buggy, { ...(entry.meta.options ?? {}), strategy, runs: CAP, seed, shrink: false });
      found.push(r.failed ? r.runs : Number.POSITIVE_INFINITY);
    }
    found.sort((a, b) => a - b);
    const at = (q: number) => found[Math.min(found.length - 1, Math.floor(found.length * q))];
    const mark = strategy === entry.meta.strategy ? `* budget ${entry.meta.budget}` : "";
    console.log(
      `${entry.name.padEnd(20)} ${strategy.padEnd(7)} median ${String(at(0.5)).padStart(4)}  p90 ${String(at(0.9)).padStart(4)}  max ${String(at(1)).padStart(4)}  (${Date.now() - started} ms) ${mark}`,
    );
  }
}
