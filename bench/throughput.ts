/**
 * Child process of bench/run.ts: times one throughput workload in one style.
 *
 *   node --expose-gc --import tsx bench/throughput.ts WORKLOAD STYLE [--runs N] [--cold]
 *
 * With --cold: one timed run, the first of the process, with no warm-up (what a
 * single `vloop run` or a short test sees). bench/run.ts runs it from an esbuild
 * bundle of this file (see coldBundle() there), one fresh process per run.
 *
 * Warm-up runs until V8 has reached steady state: warm-ups continue while a run is
 * more than 5% faster than the one before it, at most 5 of them (the first runs
 * of a process are slower than later ones, and one warm-up is not always
 * enough for the optimized code to settle). Then N
 * timed runs (default 3). Runs follow each other without a forced GC: a forced
 * full GC shrinks V8's young generation back to its minimum, and the next run
 * then pays for many more scavenges than a program in steady state does
 * (measured: sleep_storm 2.8x slower). GC is part of the cost, as it is on the
 * CPython side. Prints one JSON line, with the warm-up times kept apart.
 * A run is timed from just before runSync()/run() is called until it returns or
 * its promise settles; node start-up and module loading are not.
 */
import { echo } from "./workloads/echo.js";
import { fanOut } from "./workloads/fan_out.js";
import { fanOutSeed } from "./workloads/fan_out_seed.js";
import { lockContention } from "./workloads/lock_contention.js";
import { pingPong } from "./workloads/ping_pong.js";
import { sleepStorm } from "./workloads/sleep_storm.js";
import type { Facts, Style, ThroughputWorkload } from "./workloads/types.js";

const THROUGHPUT_WORKLOADS: readonly ThroughputWorkload[] = [sleepStorm, fanOut, fanOutSeed, pingPong, lockContention, echo];

/** Warm-ups stop once a run is no more than this much faster than the one before... */
const WARMUP_GAIN = 0.05;
/** ... or after this many. */
const MAX_WARMUPS = 5;


async function once(w: ThroughputWorkload, style: Style): Promise<[Facts, number, number]> {
  // No forced GC between runs: a full GC shrinks V8's young generation back, and the next run then
  // pays for many more scavenges than any real program in steady state would (measured: 2.8x slower).
  // GC cost is part of the measurement, as it is on the CPython side.
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  const facts = style === "generator" ? w.generator() : await w.async();
  const t1 = process.hrtime.bigint();
  const c = process.cpuUsage(c0);
  // CPU seconds (user + system, every thread of this process: V8's compiler and GC threads too)
  return [facts, Number(t1 - t0) / 1e9, (c.user + c.system) / 1e6];
}

async function main(argv: string[]): Promise<void> {
  const [name, style] = argv;
  const runsAt = argv.indexOf("--runs");
  const runs = runsAt >= 0 ? Math.max(1, Number(argv[runsAt + 1])) : 3;
  const w = THROUGHPUT_WORKLOADS.find((x) => x.name === name);
  if (!w || (style !== "generator" && style !== "async")) {
    const names = THROUGHPUT_WORKLOADS.map((x) => x.name).join("|");
    throw new Error(`usage: throughput.ts ${names} generator|async [--runs N] [--cold] (got ${argv.join(" ")})`);
  }
  if (argv.includes("--cold")) {
    const [facts, s, cpu] = await once(w, style);
    process.stdout.write(
      JSON.stringify({
        workload: w.name,
        style,
        cold: true,
        events: w.events,
        seconds: s,
        cpuSeconds: cpu,
        eventsPerSecond: w.events / s,
        cpuEventsPerSecond: w.events / cpu,
        facts,
      }) + "\n",
    );
    return;
  }
  // Warm up until the time stops improving by more than WARMUP_GAIN (at most MAX_WARMUPS runs).
  const warmups: number[] = [];
  while (warmups.length < MAX_WARMUPS) {
    const [, s] = await once(w, style);
    const previous = warmups[warmups.length - 1];
    warmups.push(s);
    if (previous !== undefined && s > previous * (1 - WARMUP_GAIN)) break;
  }
  const seconds: number[] = [];
  const cpuSeconds: number[] = [];
  let facts: Facts | undefined;
  for (let r = 0; r < runs; r++) {
    const [f, s, cpu] = await once(w, style);
    facts = f;
    seconds.push(s);
    cpuSeconds.push(cpu);
  }
  const best = Math.min(...seconds);
  process.stdout.write(
    JSON.stringify({
      workload: w.name,
      style,
      events: w.events,
      warmups,
      runs: seconds,
      cpuRuns: cpuSeconds,
      bestSeconds: best,
      eventsPerSecond: w.events / best,
      // by CPU time (user + system, every thread): what bench/run.ts compares for the echo workload
      cpuEventsPerSecond: w.events / Math.min(...cpuSeconds),
      facts,
    }) + "\n",
  );
}

main(process.argv.slice(2)).catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
