/**
 * pct_vs_random's program: a depth-2 ordering bug that random scheduling finds
 * rarely and PCT quickly.
 *
 * A reader pages through a list with offset pagination (page p = items
 * [3p, 3p + 3), until a short page) while a writer inserts one item; both go
 * through one rate-limited client that grants a single request per tick of
 * virtual time. A caller that finds this tick's request taken sleeps until the
 * next tick, so each tick the reader and the writer race for it, and whichever
 * steps first in that loop iteration wins. Four "noise" tasks (heartbeats,
 * metrics flushers...) also wake every tick, for the whole run; they touch
 * nothing shared and only add tasks to every decision.
 *
 * The insert goes at index 3k - 1, the last item of page k-1 (the reader's k-th
 * page; k = 10 of 21 pages in the benchmark). It shifts that item and all
 * after it one place right, so:
 *   - insert before the reader fetched k pages: the reader sees the new list
 *     throughout, no anomaly;
 *   - insert after the reader fetched its last page: no anomaly;
 *   - insert after the reader's k-th page and before its last one: the item at
 *     the boundary of the last page read moves into the next page, and the
 *     reader returns it twice. The reader checks for duplicates and throws.
 * Two ordering constraints make the bug: the reader's k-th request before the
 * writer's first (the writer is delayed past the reader's k-th step), and the
 * writer's request before the reader's last one. Depth 2 in PCT's terms:
 * fixed priorities alone never produce it (whichever of the two has the higher
 * priority wins every tick and finishes first), one change point can.
 *
 * What each strategy needs (see bench/README.md for the arithmetic):
 *   random: each tick the reader wins with probability 1/2, independently, so
 *     the reader wins k ticks in a row with probability 2^-k; the second
 *     constraint then holds with probability 1 - 2^-(pages + 1 - k).
 *   pct: reader above writer (1/2), and the one change point lands on the
 *     decision that picks the reader in one of the pages + 1 - k ticks of the
 *     window, out of the k_pct decisions it draws its change point from.
 * The noise tasks do not change random's odds (the reader-writer order within
 * an iteration is still a fair coin) but add decisions for PCT's change point
 * to land on: they make the benchmark harder for PCT, not easier.
 *
 * Why a rate limiter: vloop's decisions reorder the tasks that are ready in
 * the same loop iteration; a ready task always steps in that iteration. So a
 * task cannot be "delayed" by the scheduler alone, only by losing a race whose
 * loser has to wait (here: for the next tick). With plain sleep(0) steps all
 * tasks advance in lockstep and "the reader's k-th step before the writer's
 * first" cannot happen at all.
 */
import { gather, getRunningLoop, sleep } from "../../src/index.js";

export interface PaginationConfig {
  /** Full pages before the insert; the reader fetches pages + 1 pages (the last one short). */
  pages: number;
  /** The insert lands at the end of the reader's k-th page. */
  k: number;
  /** Tasks that only wake every tick. */
  noiseTasks: number;
}

/** The benchmark's program (other configurations: the sensitivity table in bench/README.md). */
export const DEFAULT_CONFIG: PaginationConfig = { pages: 20, k: 10, noiseTasks: 4 };
export const PAGE_SIZE = 3;
/** Virtual seconds between two requests of the rate-limited client. */
export const TICK = 1;

export class DuplicateItem extends Error {
  override name = "DuplicateItem";
}

function* paginationMain({ pages, k, noiseTasks }: PaginationConfig): Generator<unknown, void, unknown> {
  const items: number[] = [];
  for (let i = 0; i < pages * PAGE_SIZE; i++) items.push(i);
  const inserted = -1; // the new item

  // The rate-limited client: one request per TICK; a caller that finds this
  // tick's request taken sleeps until the next tick and tries again.
  let nextFree = 0;
  function* request(): Generator<unknown, void, unknown> {
    const loop = getRunningLoop();
    while (loop.time() < nextFree) yield* sleep(nextFree - loop.time());
    nextFree = loop.time() + TICK;
  }

  function* reader(): Generator<unknown, void, unknown> {
    const seen: number[] = [];
    for (let page = 0; ; page++) {
      yield* request();
      const got = items.slice(page * PAGE_SIZE, page * PAGE_SIZE + PAGE_SIZE);
      seen.push(...got);
      if (got.length < PAGE_SIZE) break;
    }
    const unique = new Set(seen);
    if (unique.size !== seen.length) {
      const dup = seen.find((x, i) => seen.indexOf(x) !== i);
      throw new DuplicateItem(`pagination returned item ${dup} twice`);
    }
  }

  function* writer(): Generator<unknown, void, unknown> {
    yield* request();
    items.splice(k * PAGE_SIZE - 1, 0, inserted);
  }

  function* noise(): Generator<unknown, void, unknown> {
    for (let t = 0; t < pages + 2; t++) yield* sleep(TICK);
  }

  const noisy: Generator<unknown, void, unknown>[] = [];
  for (let i = 0; i < noiseTasks; i++) noisy.push(noise());
  yield* gather(reader(), writer(), ...noisy);
}

/** The program for a configuration, for `explore(program, ...)`. */
export function paginationProgramFor(config: PaginationConfig): () => Generator<unknown, void, unknown> {
  return () => paginationMain(config);
}

/** The benchmark's program. */
export const paginationProgram = paginationProgramFor(DEFAULT_CONFIG);

/** Probability that one random-strategy run hits the bug. */
export function randomHitProbability({ pages, k }: PaginationConfig = DEFAULT_CONFIG): number {
  return 2 ** -k * (1 - 2 ** -(pages + 1 - k));
}

/**
 * Probability that one PCT run (depth 2) hits the bug when its change point
 * is drawn uniformly from 1..kPct: reader above writer, and the change point
 * on one of the pages + 1 - k decisions that pick the reader inside the window.
 */
export function pctHitProbability(kPct: number, { pages, k }: PaginationConfig = DEFAULT_CONFIG): number {
  return 0.5 * Math.min(1, (pages + 1 - k) / kPct);
}

/** Expected runs to the first hit with per-run probability p, a miss counting as `cap`. */
export function expectedRuns(p: number, cap: number): number {
  return (1 - (1 - p) ** cap) / p;
}
