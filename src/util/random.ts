/**
 * The only source of randomness in vloop: a seeded PRNG from seedrandom, so
 * a run is a pure function of its seed. It uses seedrandom's Tyche-i
 * generator: exploration seeds a new generator for every run, and Tyche-i
 * sets up and draws a dozen numbers in 0.5 us against Alea's 1.3 us and
 * ARC4's 5 us (measured; per-run seeding was 14% of a schedule with Alea).
 * (Writing Tyche-i out here, with its state in locals, was measured a
 * quarter of an empty explored run faster, 0.25 us; vloop keeps seedrandom
 * itself as its one source of randomness instead.)
 */
import seedrandom from "seedrandom";

export class Prng {
  // (`declare`: set in the constructor, not first defined as undefined; see Future's constructor)
  private declare readonly rng: seedrandom.PRNG;

  constructor(seed: string | number) {
    this.rng = seedrandom.tychei(String(seed));
  }

  /** A float in [0, 1). */
  next(): number {
    return this.rng();
  }

  /** An integer in [0, n). */
  below(n: number): number {
    return Math.floor(this.rng() * n);
  }
}
