/**
 * explore_lost_reply (issue #11 item 10): schedules per second exploring the
 * lost-reply race on the simulated network (bench/workloads/explore_lost_reply.ts:
 * a bank host, a client on main, a 5% lossy link), in both styles, with
 * `explore(program, { strategy: "random", runs, shrink: false })` and the
 * double-payment check off, so every run is a full schedule. Target: 50,000
 * schedules per second. Also checks that, with the check on, random
 * exploration finds the double payment and shrinks it to one lost reply.
 *
 * Same method as explore_throughput: untimed warm-up batches until a batch is
 * no more than 5% faster than the one before (at most 5), then N timed
 * batches, best of N. Nothing here has a CPython twin (CPython has no
 * simulated network to explore), so the figure stands alone against its target.
 */
import { explore } from "../src/testing.js";
import { asyncProgram, generatorProgram, moduleLevelGeneratorProgram } from "./workloads/explore_lost_reply.js";

export const LOST_REPLY_TARGET = 50_000;
const BATCH = 2000;

type Form = "generator" | "async" | "generator, module-level";

export interface LostReplyResult {
  /** the program as users write it, in both styles (the target), then the generator form with module-level functions (for comparison: no target) */
  styles: { style: Form; schedulesPerSecond: number; met: boolean }[];
  found: { runs: number; shrunkTape: string; deviations: number } | null;
}

async function batchSeconds(style: Form, seed: number): Promise<number> {
  const program = style === "generator" ? generatorProgram(false) : style === "async" ? asyncProgram(false) : moduleLevelGeneratorProgram(false);
  const t0 = process.hrtime.bigint();
  const r = await explore(program, { strategy: "random", runs: BATCH, shrink: false, seed });
  const s = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.failed || r.runs !== BATCH) throw new Error(`explore_lost_reply ${style}: a run failed or explore stopped early (${r.runs} runs)`);
  return s;
}

export async function exploreLostReply(timedRuns: number): Promise<LostReplyResult> {
  const styles: LostReplyResult["styles"] = [];
  for (const style of ["generator", "async", "generator, module-level"] as const) {
    let last = Infinity;
    for (let w = 0; w < 5; w++) {
      const s = await batchSeconds(style, 1000 + w);
      if (s > last * 0.95) break;
      last = s;
    }
    let best = Infinity;
    for (let i = 0; i < timedRuns; i++) best = Math.min(best, await batchSeconds(style, i));
    const rate = BATCH / best;
    styles.push({ style, schedulesPerSecond: rate, met: style === "generator, module-level" || rate >= LOST_REPLY_TARGET });
  }
  const r = await explore(generatorProgram(true), { strategy: "random", runs: 5000, seed: 0 });
  const found = r.failed
    ? { runs: r.runs, shrunkTape: r.shrunkTape ?? "", deviations: (r.shrunkTape ?? "").split(/[ ,]/).filter((d) => /^\d+:[1-9]/.test(d)).length }
    : null;
  return { styles, found };
}

export function printLostReply(r: LostReplyResult, timedRuns: number): void {
  console.log(`explore_lost_reply: the lost-reply race on the simulated network (bank host, 5% loss), nothing checked; batches of ${BATCH}, best of ${timedRuns}`);
  for (const s of r.styles) {
    const verdict = s.style === "generator, module-level" ? "(no target: the inner generator functions at module level)" : `target ${LOST_REPLY_TARGET.toLocaleString("en-US")}: ${s.met ? "met" : "MISSED"}`;
    console.log(`  vloop explore(random), ${s.style.padEnd(23)} ${Math.round(s.schedulesPerSecond).toLocaleString("en-US").padStart(8)} schedules/s   ${verdict}`);
  }
  console.log(
    r.found
      ? `  with the check on: found after ${r.found.runs} runs, shrunk to "${r.found.shrunkTape}" (${r.found.deviations} deviation${r.found.deviations === 1 ? "" : "s"})`
      : "  with the check on: NOT found in 5,000 runs (check failed)",
  );
}
