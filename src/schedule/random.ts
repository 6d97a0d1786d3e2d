/**
 * `random`: at every decision point with n alternatives, pick one uniformly
 * with the loop's seeded PRNG (seedrandom). The same seed gives the same
 * schedule; the choices are recorded on the tape, so any run replays.
 * This goes beyond what CPython does: CPython always runs ready handles FIFO.
 */
import { drawWeighted, type ChoicePoint, type SchedulingPolicy } from "./policy.js";
import { Prng } from "../util/random.js";

/**
 * Uniformly random decisions from a seeded PRNG.
 * @example run(main, { strategy: new RandomPolicy(42) }); // same as { strategy: "random", seed: 42 }
 */
export class RandomPolicy implements SchedulingPolicy {
  // (set in the constructor rather than by field initializers: exploration
  // makes a policy per run; see Future's constructor)
  declare readonly name: "random";
  declare readonly fifoTimers: false;
  declare readonly chooses: true;
  private declare readonly prng: Prng;

  constructor(seed: string | number) {
    this.name = "random";
    this.fifoTimers = false;
    this.chooses = true;
    this.prng = new Prng(`random:${seed}`);
  }

  choose(n: number, point: ChoicePoint): number {
    if (point.weights !== null) return drawWeighted(point.weights, this.prng.next());
    return this.prng.below(n);
  }
}
