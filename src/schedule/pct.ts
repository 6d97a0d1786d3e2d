/**
 * `pct`: Probabilistic Concurrency Testing.
 * Burckhardt, Kothari, Musuvathi, Nagarakatte, "A Randomized Scheduler with
 * Probabilistic Guarantees of Finding Bugs", ASPLOS 2010.
 *
 * Each task gets a random priority when it is first seen (all above d); at
 * every "ready" decision the highest-priority task runs. d-1 change points
 * are drawn uniformly among the first k "ready" decisions (k: from a
 * calibration run, see explore); at the i-th change point the task about
 * to run drops to priority d-i, below every initial one. Only decisions with
 * more than one alternative are counted as steps, as the issue asks. A bug
 * of depth d is then found with probability at least 1/(n k^(d-1)).
 * PCT is about task order: timer ties and jitter are drawn at random.
 *
 * Invariant (checked): priorities of distinct tasks are distinct.
 */
import { invariant } from "../util/invariant.js";
import { Prng } from "../util/random.js";
import { drawWeighted, type ChoicePoint, type SchedulingPolicy } from "./policy.js";

/**
 * The PCT strategy as a SchedulingPolicy (see the file header).
 * @example run(main, { strategy: new PctPolicy("seed-1", 3, 40) });
 */
export class PctPolicy implements SchedulingPolicy {
  readonly name = "pct";
  readonly fifoTimers = false;
  readonly chooses = true;
  readonly needsCandidates = true;
  private readonly prng: Prng;
  private readonly priority = new Map<unknown, number>();
  private readonly changePoints: number[];
  private readonly depth: number;
  private steps = 0;

  /**
   * @param depth the bug depth d (d-1 change points)
   * @param expectedSteps k, the number of decisions a run is expected to make
   */
  constructor(seed: string | number, depth = 2, expectedSteps = 100) {
    this.prng = new Prng(`pct:${seed}`);
    const d = Math.max(1, Math.floor(depth));
    const k = Math.max(1, Math.floor(expectedSteps));
    this.changePoints = [];
    for (let i = 1; i < d; i++) this.changePoints.push(1 + this.prng.below(k));
    this.depth = d;
  }

  private priorityOf(task: unknown): number {
    let p = this.priority.get(task);
    if (p === undefined) {
      // above every change-point priority (which are < d); a float keeps them distinct
      p = this.depth + 1 + this.prng.next() * 1e6;
      this.priority.set(task, p);
    }
    return p;
  }

  choose(n: number, point: ChoicePoint): number {
    if (point.kind !== "ready") return point.weights !== null ? drawWeighted(point.weights, this.prng.next()) : this.prng.below(n);
    this.steps++;
    const cands = point.candidates;
    let best = 0;
    for (let i = 1; i < n; i++) if (this.priorityOf(cands[i]) > this.priorityOf(cands[best])) best = i;
    const change = this.changePoints.indexOf(this.steps);
    if (change >= 0) {
      // the i-th change point: the task about to run drops below everyone
      this.priority.set(cands[best], this.depth - (change + 1));
      best = 0;
      for (let i = 1; i < n; i++) if (this.priorityOf(cands[i]) > this.priorityOf(cands[best])) best = i;
    }
    invariant(best >= 0 && best < n, "pct chose an alternative in range");
    return best;
  }
}
