/**
 * The race gallery: every entry, in the order docs/races.md shows them.
 * Each module exports `buggy` and `fixed` (programs: zero-argument functions
 * returning a fresh main coroutine) and `meta` (see types.ts).
 */
import * as lostUpdate from "./lost_update.js";
import * as cacheStampede from "./cache_stampede.js";
import * as doubleInit from "./double_init.js";
import * as lockOrder from "./lock_order.js";
import * as diningPhilosophers from "./dining_philosophers.js";
import * as lostWakeup from "./lost_wakeup.js";
import * as timeoutSwallowed from "./timeout_swallowed.js";
import * as handoffCancel from "./handoff_cancel.js";
import * as orphanGather from "./orphan_gather.js";
import * as starvation from "./starvation.js";
import * as conditionIf from "./condition_if.js";
import * as splitVote from "./split_vote.js";
import * as reentrantLock from "./reentrant_lock.js";
import * as doublePayment from "./double_payment.js";
import * as splitBrain from "./split_brain.js";
import * as stalePool from "./stale_pool.js";
import * as staleReply from "./stale_reply.js";
import * as truncatedResponse from "./truncated_response.js";
import * as replicaLag from "./replica_lag.js";
import * as pipeDeadlock from "./pipe_deadlock.js";
import type { RaceEntry } from "./types.js";

export const gallery: RaceEntry[] = [
  { name: "lost_update", ...lostUpdate },
  { name: "cache_stampede", ...cacheStampede },
  { name: "double_init", ...doubleInit },
  { name: "lock_order", ...lockOrder },
  { name: "dining_philosophers", ...diningPhilosophers },
  { name: "lost_wakeup", ...lostWakeup },
  { name: "timeout_swallowed", ...timeoutSwallowed },
  { name: "handoff_cancel", ...handoffCancel },
  { name: "orphan_gather", ...orphanGather },
  { name: "starvation", ...starvation },
  { name: "condition_if", ...conditionIf },
  { name: "split_vote", ...splitVote },
  { name: "reentrant_lock", ...reentrantLock },
  // on a simulated network (network()): each passes on the perfect network
  { name: "double_payment", ...doublePayment },
  { name: "split_brain", ...splitBrain },
  { name: "stale_pool", ...stalePool },
  { name: "stale_reply", ...staleReply },
  { name: "truncated_response", ...truncatedResponse },
  { name: "replica_lag", ...replicaLag },
  // a subprocess on the simulated network: its output size depends on a network decision
  { name: "pipe_deadlock", ...pipeDeadlock },
];

/** The seed the gallery test and the docs use. */
export const GALLERY_SEED = "gallery";

/** The options a replay of an entry needs (a tape alone does not carry them). */
export function runOptionsOf(entry: RaceEntry): { jitter?: number; maxSteps?: number } {
  const { jitter, maxSteps } = entry.meta.options ?? {};
  return { ...(jitter !== undefined ? { jitter } : {}), ...(maxSteps !== undefined ? { maxSteps } : {}) };
}

/** The options explore() gets for an entry: its strategy, budget, seed and run options. */
export function exploreOptionsOf(entry: RaceEntry, seed: string | number = GALLERY_SEED) {
  return { strategy: entry.meta.strategy, runs: entry.meta.budget, seed, ...(entry.meta.options ?? {}) };
}

/** An error as "Name: message": two runs failed the same way when these are equal. */
export function errorKey(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/** What docs/races.md shows for an entry: the failing run's tape, its shrunk tape, and explore's report. */
export function showFinding(r: { tape?: string; shrunkTape?: string; report?: string }): string {
  return [`tape:        ${JSON.stringify(r.tape)}`, `shrunk tape: ${JSON.stringify(r.shrunkTape)}`, r.report ?? ""].join("\n");
}

const RACE_MARKER = /^<!--\s*race:\s*(\S+)\s*-->\s*$/;

/** The blocks docs/races.md shows: a `<!-- race: NAME -->` line, then a fenced block. */
export function docsBlocks(page: string): Map<string, string> {
  const lines = page.split("\n");
  const blocks = new Map<string, string>();
  for (let i = 0; i < lines.length; i++) {
    const m = RACE_MARKER.exec(lines[i]);
    if (m === null) continue;
    if (!/^```/.test(lines[i + 1] ?? "")) throw new Error(`races.md:${i + 1}: a race marker must be followed by a fenced block`);
    let j = i + 2;
    while (j < lines.length && lines[j] !== "```") j++;
    if (blocks.has(m[1])) throw new Error(`races.md:${i + 1}: ${m[1]} is shown twice`);
    blocks.set(m[1], lines.slice(i + 2, j).join("\n"));
    i = j;
  }
  return blocks;
}

/** The page with each race block replaced by `texts.get(NAME)`. */
export function replaceDocsBlocks(page: string, texts: Map<string, string>): string {
  const lines = page.split("\n");
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    out.push(lines[i]);
    const m = RACE_MARKER.exec(lines[i]);
    if (m === null || !texts.has(m[1])) continue;
    let j = i + 2;
    while (j < lines.length && lines[j] !== "```") j++;
    out.push(lines[i + 1], ...(texts.get(m[1]) as string).split("\n"), "```");
    i = j;
  }
  return out.join("\n");
}
