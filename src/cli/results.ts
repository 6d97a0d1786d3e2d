/**
 * Machine-readable exploration results (`vloop explore --json OUT`) and their
 * merge (`vloop merge a.json b.json ...`): shards of one exploration run on
 * several machines (`--shard i/n`), each writes its result, and the merge
 * reports exactly what one process exploring the whole range would have.
 *
 * Why the merge is exact: every run's schedule depends only on the
 * exploration seed and its run index, so the shards' runs are the single
 * process's runs, dealt out by index. One process stops at the failing run
 * with the lowest index k, having run indices 0..k; each shard ran all of its
 * indices below k (it stops only at a failure of its own, at k or later), so
 * with every shard present the merged failure is the lowest-index one and the
 * merged run count is k + 1.
 *
 * The format is versioned (`version`); docs/finding-races.md describes it.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { combineDfsParts } from "../schedule/dfs.js";
import { UsageError } from "./args.js";

/** The version of the JSON format; a reader refuses other versions. */
export const RESULT_VERSION = 1;

export interface ExploreFailure {
  /** the failing run's index in the seed range (the same whatever the sharding) */
  runIndex: number;
  /** the failing run's seed, "<exploration seed>/<run index>" */
  seed: string;
  /** the strategy of that run (portfolio: the lane it belonged to) */
  strategy: string;
  /** the failing run's tape, as found */
  tape: string;
  /** the tape shrunk toward CPython's order, still failing the same way */
  shrunkTape: string;
  /** what the run threw: "Name: message" */
  error: string;
  /** explore's report below its first line: "CPython order except k decisions: ...", the replay snippet */
  report: string;
  /** the command that replays it */
  replay: string;
  /** dfs: the failing run's schedule, which orders failures across the parts of a split search */
  dfsTape?: string;
}

export interface ExploreRecord {
  kind: "vloop-explore-result";
  version: number;
  /** the explored file (as given), its export, and a SHA-256 of its text: merge refuses results of different programs */
  program: { file: string; export: string; sha256: string };
  strategy: string;
  /** every option that decides which schedules run (the shard apart) */
  options: { runs: number; seed: string; depth: number; jitter: number | null; maxSteps: number | null; selfCheck: boolean; swarm: boolean };
  /** this result's part of the range: run indices i in [0, runs) with i % count === index */
  shard: { index: number; count: number };
  /** the shards this record covers (one for explore; the merged ones for merge) */
  shards: number[];
  /** runs this record's processes executed */
  runsExecuted: number;
  /** runs one process exploring the whole range would have executed (when every shard is present) */
  runs: number;
  /** wall time, summed over the merged shards (milliseconds) */
  elapsedMs: number;
  /** the failure with the lowest run index, or null */
  failure: ExploreFailure | null;
  /** --self-check found the program nondeterministic: the report */
  nondeterministic: string | null;
  /** dfs: the bounded space was searched completely */
  exhausted?: boolean;
  /** dfs split into shards: the schedules this shard ran (merge counts the unsplit search's runs from them) */
  dfsRuns?: string[];
}

/** A SHA-256 of the program file's text. */
export function programHash(path: string): string {
  return createHash("sha256").update(readFileSync(path)).digest("hex");
}

/** Reads and checks one result file. */
export function readRecord(path: string): ExploreRecord {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, "utf8"));
  } catch (e) {
    throw new UsageError(`${path}: not a readable JSON file (${e instanceof Error ? e.message : String(e)})`);
  }
  const r = data as Partial<ExploreRecord>;
  if (r.kind !== "vloop-explore-result") throw new UsageError(`${path}: not a result of vloop explore --json`);
  if (r.version !== RESULT_VERSION) throw new UsageError(`${path}: result format version ${String(r.version)}, this vloop reads version ${RESULT_VERSION}`);
  return r as ExploreRecord;
}

/** The one-line summary of what decides the schedules, for mismatch messages. */
function describe(r: ExploreRecord): string {
  return JSON.stringify({ program: r.program, strategy: r.strategy, options: r.options, shards: r.shard.count });
}

/**
 * Merges the results of shards of one exploration. Refuses results of other
 * programs or options, or the same shard twice.
 */
export function mergeRecords(records: readonly ExploreRecord[], paths: readonly string[]): ExploreRecord {
  const first = records[0];
  if (first === undefined) throw new UsageError("vloop merge: give the result files to merge (vloop explore --json OUT writes one)");
  const seen = new Map<number, string>();
  records.forEach((r, i) => {
    const path = paths[i] ?? `result ${i + 1}`;
    if (describe(r) !== describe(first)) {
      throw new UsageError(
        `vloop merge: ${path} is not a shard of the same exploration as ${paths[0]}:\n  ${describe(r)}\n  ${describe(first)}\n` +
          `(the program's text, its export, the strategy, every option and the shard count must be equal)`,
      );
    }
    for (const s of r.shards) {
      const other = seen.get(s);
      if (other !== undefined) throw new UsageError(`vloop merge: shard ${s}/${r.shard.count} is in both ${other} and ${path}`);
      seen.set(s, path);
    }
  });
  const shards = [...seen.keys()].sort((a, b) => a - b);
  const complete = shards.length === first.shard.count;
  if (first.strategy === "dfs") return mergeDfs(records, shards, complete);
  let failure: ExploreFailure | null = null;
  for (const r of records) if (r.failure && (failure === null || r.failure.runIndex < failure.runIndex)) failure = r.failure;
  const runsExecuted = records.reduce((n, r) => n + r.runsExecuted, 0);
  const nondeterministic = records.find((r) => r.nondeterministic !== null)?.nondeterministic ?? null;
  const exhausted = records.every((r) => r.exhausted === true) ? { exhausted: true } : {};
  return {
    ...first,
    shard: { index: shards[0] ?? 0, count: first.shard.count },
    shards,
    runsExecuted,
    runs: failure !== null && complete ? failure.runIndex + 1 : runsExecuted,
    elapsedMs: records.reduce((n, r) => n + r.elapsedMs, 0),
    failure,
    nondeterministic,
    ...exhausted,
  };
}

/**
 * The parts of a split dfs search (schedule/dfs.ts): the unsplit search
 * visits schedules fewest deviations first, then lexicographically, and stops
 * at the first failure, or after `runs` schedules. Each part ran its own
 * schedules in that order (CPython's order in every part), so the unsplit
 * failure is the least of the parts' failures, and its run count is the
 * number of distinct schedules the parts ran that come before it, plus one.
 */
function mergeDfs(records: readonly ExploreRecord[], shards: number[], complete: boolean): ExploreRecord {
  const first = records[0] as ExploreRecord;
  const parts = records.map((r) => ({
    ran: r.dfsRuns ?? [],
    failure: r.failure?.dfsTape !== undefined ? { tape: r.failure.dfsTape, value: r.failure } : undefined,
    exhausted: r.exhausted,
  }));
  const combined = combineDfsParts(parts, first.options.runs);
  // with shards missing, the runs before the failure are not all known: report the least failure as the shard gave it
  const found = combined.failure;
  const failure = !complete ? combined.least : found === null ? null : { ...found.value, runIndex: found.index, seed: `${first.options.seed}/${found.index}` };
  return {
    ...first,
    shard: { index: shards[0] ?? 0, count: first.shard.count },
    shards,
    runsExecuted: records.reduce((n, r) => n + r.runsExecuted, 0),
    runs: complete || failure === null ? combined.runs : combined.ran.length,
    elapsedMs: records.reduce((n, r) => n + r.elapsedMs, 0),
    failure,
    nondeterministic: records.find((r) => r.nondeterministic !== null)?.nondeterministic ?? null,
    ...(failure === null ? { exhausted: combined.exhausted } : {}),
    dfsRuns: combined.ran,
  };
}
