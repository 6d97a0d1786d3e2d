/**
 * The seam between `npm run bench` (bench/run.ts, the loop benchmarks against
 * CPython) and the exploration benchmarks (bench/explore.ts, their own table).
 *
 * `--only` may name loop workloads, exploration benchmarks (`explore` for all of them,
 * or `explore_throughput`, `explore_loaders`, `pct_vs_random`, `explore_lost_reply`), or a mix: splitArgs() gives each
 * side its own argv, or null when that side was not asked for. Without --only,
 * both run, the loop benchmarks first.
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const EXPLORE_NAMES = ["explore", "explore_throughput", "explore_loaders", "pct_vs_random", "explore_lost_reply"];
const TIMEOUT_MS = 600_000;

export function splitArgs(argv: string[]): { loop: string[] | null; explore: string[] | null } {
  const at = argv.indexOf("--only");
  if (at < 0) return { loop: argv, explore: argv };
  const names = (argv[at + 1] ?? "").split(",").filter(Boolean);
  const explore = names.filter((n) => EXPLORE_NAMES.includes(n));
  const loop = names.filter((n) => !EXPLORE_NAMES.includes(n));
  const withOnly = (list: string[]): string[] => [...argv.slice(0, at), "--only", list.join(","), ...argv.slice(at + 2)];
  return {
    loop: loop.length > 0 ? withOnly(loop) : null,
    explore: explore.length > 0 ? withOnly(explore) : null,
  };
}

/**
 * Runs bench/explore.ts in its own child process (as every measurement of
 * `npm run bench` is), its output going straight to ours. Returns its exit status.
 */
export function runExploreBench(argv: string[], afterLoopTable: boolean): number {
  if (afterLoopTable) console.log("");
  process.stderr.write("bench: exploration benchmarks (bench/explore.ts) ...\n");
  const r = spawnSync(process.execPath, ["--expose-gc", "--import", "tsx", "bench/explore.ts", ...argv], {
    cwd: ROOT,
    stdio: "inherit",
    timeout: TIMEOUT_MS,
  });
  if (r.error) {
    console.log(`note: bench/explore.ts failed: ${r.error.message}`);
    return 1;
  }
  if (r.status !== 0) console.log(`note: bench/explore.ts exited with ${r.signal ?? r.status}`);
  return r.status ?? 1;
}
