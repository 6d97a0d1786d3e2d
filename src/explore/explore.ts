/**
 * explore(): runs a program under many schedules and stops at the first
 * failing run (main throws, deadlock, step budget), then shrinks its tape
 * toward CPython's order and reports how to replay it.
 */
import { UsageError, VloopError } from "../errors.js";
import { BoundedDfs } from "../schedule/dfs.js";
import { PctPolicy } from "../schedule/pct.js";
import type { SchedulingPolicy } from "../schedule/policy.js";
import { RandomPolicy } from "../schedule/random.js";
import { ReplayPolicy } from "../schedule/replay.js";
import { type Deviation, deviationsOf, encodeTape, formatTape, parseTape } from "../schedule/tape.js";
import { describeDeviations } from "./report.js";
import { ASYNC_STARTED, drainAsyncStart, type Program, type RunOutcome, failureKind, isKnownSync, runOnce, runOnceSync, traceHash } from "./runOnce.js";
import { shrinkTape } from "./shrink.js";
import { Prng } from "../util/random.js";
import { checkExploreArguments } from "./exploreOptions.js";
import { showValue } from "../util/showValue.js";

export type StrategyName = "random" | "pct" | "dfs" | "portfolio";

export interface ExploreOptions {
  /** "random" (default), "pct", "dfs" or "portfolio" (round-robin over the three). */
  strategy?: StrategyName;
  /** At most this many runs (default 1000): run indices from `from` to `from + runs - 1`. */
  runs?: number;
  /** The first run index (default 0): lets a long exploration be cut into chunks. */
  from?: number;
  /** The exploration seed; each run's seed derives from it (default 0). */
  seed?: string | number;
  /** PCT bug depth d (default 2). */
  depth?: number;
  /** dfs: the most deviations from CPython's order a schedule may have (default 2). */
  maxDeviations?: number;
  /** Step budget per run (handles); exceeding it is a failure (default 1,000,000). */
  maxSteps?: number;
  /** Let timers fire up to this many seconds early or late, as a choice. */
  jitter?: number;
  /** Run every seed twice and fail loudly if the two traces differ. */
  selfCheck?: boolean;
  /** Shrink the failing tape (default true). */
  shrink?: boolean;
  /** Only runs whose index i satisfies i % count === index (splitting one seed range across machines). */
  shard?: { index: number; count: number };
  /**
   * Swarm testing: each run draws its own parameters from its seed: a PCT
   * depth from 1 to 4, a jitter from 0, a quarter, a half or all of
   * `jitter` (so give `jitter` too), and a factor (0, 1/4, 1 or 4) for the
   * simulated network's fault probabilities. The failing run's tape carries its
   * jitter, so it replays exactly; the report names what the run drew.
   * Not with dfs.
   */
  swarm?: boolean;
  /**
   * Called after each run with its index, seed and tape (the full tape, with
   * its jitter header): e.g. to step through run N of an exploration
   * (`vloop step FILE --strategy S --seed X --run N` uses it).
   */
  onRun?: (run: { index: number; seed: string; tape: string; failed: boolean }) => void;
  /** Called after each run (for progress bars). */
  onProgress?: (done: number, total: number) => void;
}

export interface ExploreResult {
  /** a failing run was found */
  failed: boolean;
  /** runs executed, the failing one included */
  runs: number;
  /** the failing run's seed */
  seed?: string;
  /** the failing run's choice tape */
  tape?: string;
  /** the tape shrunk toward the default order, still failing */
  shrunkTape?: string;
  /** what the failing run threw */
  error?: unknown;
  /** a one-line snippet that replays the failure */
  replay?: string;
  /** "CPython order except k decisions: ..." with task names and virtual times */
  report?: string;
  /** which strategy found it */
  strategy?: string;
  /** dfs: true when the bounded space was searched completely without a failure */
  exhausted?: boolean;
  /** the failing run's number in the seed range (the same whatever the sharding) */
  runIndex?: number;
  /** swarm: what the failing run drew */
  swarm?: SwarmParams;
  /** dfs: the failing run's schedule (its place in the search: fewer deviations first, then lexicographic) */
  dfsTape?: string;
  /** dfs split into shards: every schedule this part ran, in order (vloop merge counts the unsplit search's runs from them) */
  dfsRuns?: string[];
}

/** What a swarm run drew from its seed. */
export interface SwarmParams {
  depth: number;
  jitter: number;
  /** what the run multiplies the network's fault probabilities by: 0 (a fault-free run), a quarter, 1 or 4 */
  faults: number;
}

/**
 * The parameters run `s` (a run seed, "<seed>/<index>") draws in a swarm
 * exploration: a function of the seed alone, so shards and replays agree.
 */
export function swarmParams(s: string, maxJitter: number | undefined): SwarmParams {
  const prng = new Prng(`${s}/swarm`);
  const depth = 1 + prng.below(4);
  const share = [0, 0.25, 0.5, 1][prng.below(4)] as number;
  const faults = [0, 0.25, 1, 4][prng.below(4)] as number;
  return { depth, jitter: maxJitter ? maxJitter * share : 0, faults };
}

/** How a report names the strategy of a swarm run: "random (swarm: depth 2, jitter 0.05, faults x1)". */
export function describeSwarm(strategy: string, drawn: SwarmParams): string {
  return `${strategy} (swarm: depth ${drawn.depth}, jitter ${drawn.jitter}, faults x${drawn.faults})`;
}

/** The program is not deterministic under vloop: the same seed gave two traces. */
export class NondeterminismError extends VloopError {}

const DEFAULT_MAX_STEPS = 1_000_000;

function runSeed(seed: string | number, i: number): string {
  return `${seed}/${i}`;
}

/** The policy of one run: replaying a dfs tape, or PCT / random seeded with the run's seed. */
function policyFor(pick: "random" | "pct" | "dfs", s: string, depth: number, expectedSteps: number, dfsTape: Deviation[] | undefined): SchedulingPolicy {
  if (pick === "dfs") return new ReplayPolicy(dfsTape!);
  if (pick === "pct") return new PctPolicy(s, depth, expectedSteps);
  return new RandomPolicy(s);
}

/**
 * Runs `program` under many schedules; stops at the first failure.
 * A program is a zero-argument function returning a fresh main coroutine
 * (or the main coroutine function itself: `explore(main)`).
 * @example
 * const r = await explore(() => lostUpdate(), { strategy: "pct", runs: 500 });
 * if (r.failed) console.log(r.report, r.replay);
 * @throws TypeError or UsageError for a program that is not a function or a bad option (before any run)
 */
export async function explore(program: Program, options: ExploreOptions = {}): Promise<ExploreResult> {
  checkExploreArguments(program, options);
  const strategy = options.strategy ?? "random";
  if (!["random", "pct", "dfs", "portfolio"].includes(strategy)) {
    throw new UsageError(`explore: unknown strategy ${JSON.stringify(strategy)}; expected random, pct, dfs or portfolio`);
  }
  const total = options.runs ?? 1000;
  const seed = options.seed ?? 0;
  const depth = options.depth ?? 2;
  const maxSteps = options.maxSteps ?? DEFAULT_MAX_STEPS;
  const runOpts = { maxSteps, jitter: options.jitter };
  const selfCheck = options.selfCheck === true;
  const traceOpts = { ...runOpts, trace: true };
  const shard = options.shard ?? { index: 0, count: 1 };
  if (!(shard.count >= 1 && shard.index >= 0 && shard.index < shard.count)) {
    throw new UsageError(`explore: bad shard ${shard.index}/${shard.count}: expected 0 <= index < count`);
  }
  const dfs = new BoundedDfs(options.maxDeviations ?? 2, strategy === "dfs" ? shard : undefined);
  let executed = 0;
  let exhausted = false;
  // Every run's schedule must depend on its seed alone, not on the runs before
  // it (so shards and workers agree): PCT's k comes from one calibration run
  // (a random one, seeded from the exploration seed), and dfs, whose next tape depends on the previous runs,
  // takes part only when the range is not split.
  let expectedSteps = 2;
  if (strategy === "pct" || strategy === "portfolio") {
    const calibration = await runOnce(program, () => new RandomPolicy(`${seed}/calibrate`), runOpts);
    // PCT counts only task-order decisions as steps (timer ties are not); a
    // quarter more than one run makes leaves room for longer runs without
    // wasting most change points past the end
    expectedSteps = Math.max(expectedSteps, Math.ceil(1.25 * calibration.readyDecisions));
  }
  const split = shard.count > 1;
  const swarm = options.swarm === true;
  if (swarm && strategy === "dfs") {
    throw new UsageError("explore: swarm draws a PCT depth and a jitter per run; dfs has neither (its schedules come from the ones before)");
  }
  // dfs splits its tree instead of the run indices (schedule/dfs.ts): every part runs CPython's
  // order, then only its own subtrees; a split part lists the schedules it ran, for vloop merge
  const dfsRuns: string[] | undefined = strategy === "dfs" && split ? [] : undefined;

  const from = options.from ?? 0;
  for (let i = from; i < from + total; i++) {
    if (strategy !== "dfs" && i % shard.count !== shard.index) continue;
    const s = runSeed(seed, i);
    let pick: "random" | "pct" | "dfs" = strategy === "portfolio" ? (["random", "pct", "dfs"] as const)[i % 3] : strategy;
    if (strategy === "portfolio" && pick === "dfs" && split) pick = "random"; // portfolio split across shards: its dfs lane turns random
    let dfsTape: Deviation[] | undefined;
    if (pick === "dfs") {
      dfsTape = dfs.next();
      if (dfsTape === undefined) {
        if (strategy === "dfs") {
          exhausted = true;
          break;
        }
        continue; // portfolio: dfs is done, the others go on
      }
    }
    const drawn = swarm ? swarmParams(s, options.jitter) : undefined;
    const runOptsHere = drawn ? { maxSteps, jitter: drawn.jitter || undefined, faultScale: drawn.faults } : runOpts;
    const depthHere = drawn ? drawn.depth : depth;
    const opts = selfCheck ? { ...runOptsHere, trace: true } : runOptsHere;
    // A program known to be all generators runs here without a promise per run;
    // otherwise (or if it starts an async body after all) through runOnce, with a fresh policy.
    let outcome = isKnownSync(program) ? runOnceSync(program, policyFor(pick, s, depthHere, expectedSteps, dfsTape), opts) : undefined;
    if (outcome === ASYNC_STARTED) await drainAsyncStart();
    if (outcome === undefined || outcome === ASYNC_STARTED) {
      outcome = await runOnce(program, () => policyFor(pick, s, depthHere, expectedSteps, dfsTape), opts);
    }
    executed++;
    if (dfsTape !== undefined) {
      dfs.observe(dfsTape, outcome.alternatives);
      dfsRuns?.push(encodeTape(dfsTape));
    }

    if (selfCheck && !outcome.failed) {
      const again = await runOnce(program, () => new ReplayPolicy(deviationsOf(outcome.tape)), { ...runOptsHere, trace: true });
      const a = traceHash(outcome.trace ?? []);
      const b = traceHash(again.trace ?? []);
      if (a !== b) {
        const error = new NondeterminismError(
          `the program is not deterministic under vloop: seed ${s} gave trace ${a}, and its replay gave ${b}. ` +
            `Does it use Math.random, Date.now, real timers or I/O? Take randomness from the loop's seed instead.`, // real-time: only names them
        );
        return { failed: true, runs: executed, seed: s, tape: formatTape(outcome.tape, { jitter: runOptsHere.jitter }), error, strategy: pick, runIndex: i };
      }
    }
    options.onRun?.({ index: i, seed: s, tape: formatTape(outcome.tape, { jitter: runOptsHere.jitter }), failed: outcome.failed });
    options.onProgress?.(executed, strategy === "dfs" ? total : Math.ceil(total / shard.count));
    if (outcome.failed) {
      const found = await finishFailure(program, outcome, s, drawn ? describeSwarm(pick, drawn) : pick, executed, options, runOptsHere);
      const dfsInfo = dfsTape !== undefined ? { dfsTape: encodeTape(dfsTape), ...(dfsRuns ? { dfsRuns } : {}) } : {};
      return { ...found, strategy: pick, runIndex: i, ...(drawn ? { swarm: drawn } : {}), ...dfsInfo };
    }
  }
  return { failed: false, runs: executed, ...(strategy === "dfs" ? { exhausted } : {}), ...(dfsRuns ? { dfsRuns } : {}) };
}

/**
 * Replays a failing tape found elsewhere (another worker, another machine's
 * shard), then shrinks and explains it like explore() does.
 * @throws UsageError if the tape does not fail.
 */
export async function explainTape(
  program: Program,
  tape: string,
  info: { seed: string; strategy: string; runs: number; maxSteps?: number; jitter?: number; shrink?: boolean },
): Promise<ExploreResult> {
  const runOpts = { maxSteps: info.maxSteps ?? DEFAULT_MAX_STEPS, jitter: info.jitter ?? parseTape(tape).jitter };
  const outcome = await runOnce(program, () => new ReplayPolicy(tape), runOpts);
  if (!outcome.failed) throw new UsageError(`explainTape: the tape ${JSON.stringify(tape)} does not fail`);
  return finishFailure(program, outcome, info.seed, info.strategy, info.runs, { shrink: info.shrink }, runOpts);
}

async function finishFailure(
  program: Program,
  outcome: RunOutcome,
  seed: string,
  strategy: string,
  runs: number,
  options: ExploreOptions,
  runOpts: { maxSteps: number; jitter?: number },
): Promise<ExploreResult> {
  const kind = failureKind(outcome.error);
  const tape = deviationsOf(outcome.tape);
  let shrunk = tape;
  if (options.shrink !== false) {
    const stillFails = async (candidate: Deviation[]) => {
      const o = await runOnce(program, () => new ReplayPolicy(candidate), runOpts);
      return { fails: o.failed && failureKind(o.error) === kind, alternatives: o.alternatives };
    };
    shrunk = (await shrinkTape(tape, stillFails)).tape;
  }
  const shrunkText = formatTape(shrunk, { jitter: runOpts.jitter });
  const detailed = await runOnce(program, () => new ReplayPolicy(shrunk), { ...runOpts, recordChoices: true });
  const extra = [
    runOpts.maxSteps !== DEFAULT_MAX_STEPS ? `maxSteps: ${runOpts.maxSteps}` : "",
  ].filter(Boolean);
  const replay = `await replay(program, ${JSON.stringify(shrunkText)}${extra.length ? `, { ${extra.join(", ")} }` : ""})`;
  const message = outcome.error instanceof Error ? `${outcome.error.name}: ${outcome.error.message}` : showValue(outcome.error);
  const report = [
    `failing run found by ${strategy} after ${runs} run${runs === 1 ? "" : "s"} (seed ${JSON.stringify(seed)}): ${message}`,
    describeDeviations(shrunk, detailed.choiceLog),
    `replay: ${replay}`,
  ].join("\n");
  return {
    failed: true,
    runs,
    seed,
    tape: formatTape(tape, { jitter: runOpts.jitter }),
    shrunkTape: shrunkText,
    error: outcome.error,
    replay,
    report,
    strategy,
  };
}
