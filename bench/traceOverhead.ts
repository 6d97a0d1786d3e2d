/**
 * Is tracing free when it is off? Tracing is compiled into vloop: every emit
 * point is `if (loop._tracer !== null) ...`. This measures what those checks
 * cost, by building a copy of src/ with every such statement removed and
 * running the same workloads on both, alternating, best of N each.
 *
 *   npm run bench:trace            (issue target: the checks cost at most 5%)
 */
import { spawnSync } from "node:child_process";
import { cpSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

/** Removes every `if (... _tracer !== null ...) stmt;` line and `if (...) { ... }` block. */
export function stripTracing(source: string): { text: string; removed: number } {
  const lines = source.split("\n");
  const out: string[] = [];
  let removed = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (!/^\s*if \([^)]*_tracer !== null/.test(line)) {
      out.push(line);
      continue;
    }
    removed++;
    if (line.trimEnd().endsWith("{")) {
      // skip to the closing brace at the same indentation
      const indent = line.match(/^\s*/)?.[0] ?? "";
      while (i + 1 < lines.length && lines[i + 1] !== `${indent}}`) i++;
      i++;
    }
  }
  return { text: out.join("\n"), removed };
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

function measure(benchDir: string, workload: string): number {
  const r = spawnSync(process.execPath, ["--import", "tsx", join(benchDir, "throughput.ts"), workload, "generator", "--runs", "5"], {
    cwd: root,
    encoding: "utf8",
  });
  if (r.status !== 0) throw new Error(`${workload}: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split("\n").pop() as string).eventsPerSecond as number;
}

function main(): void {
  // inside the project, so the copy resolves node_modules (git-ignored)
  const tmp = join(root, ".notrace");
  rmSync(tmp, { recursive: true, force: true });
  try {
    cpSync(join(root, "src"), join(tmp, "src"), { recursive: true });
    cpSync(join(root, "bench"), join(tmp, "bench"), { recursive: true, filter: (p) => !p.includes("results") && !p.includes(".notrace") });
    let removed = 0;
    for (const file of walk(join(tmp, "src")).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))) {
      const r = stripTracing(readFileSync(file, "utf8"));
      removed += r.removed;
      writeFileSync(file, r.text);
    }
    console.log(`stripped ${removed} trace points from a copy of src/`);
    console.log("workload     with checks   without     overhead");
    for (const workload of ["sleep_storm", "ping_pong", "lock_contention"]) {
      let withChecks = 0;
      let without = 0;
      for (let round = 0; round < 3; round++) {
        withChecks = Math.max(withChecks, measure(join(root, "bench"), workload));
        without = Math.max(without, measure(join(tmp, "bench"), workload));
      }
      const overhead = (without / withChecks - 1) * 100;
      console.log(`${workload.padEnd(12)} ${(withChecks / 1e6).toFixed(2)}M ev/s  ${(without / 1e6).toFixed(2)}M ev/s  ${overhead.toFixed(1)}%  ${overhead <= 5 ? "(<= 5%: ok)" : "(> 5%)"}`);
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

main();
