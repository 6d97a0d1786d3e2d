/**
 * The only source of randomness in vloop: a seeded PRNG (seedrandom's
 * ARC4-based generator), so a run is a pure function of its seed.
 */
import seedrandom from "seedrandom";

export class Prng {
  private readonly rng: seedrandom.PRNG;

  constructor(seed: string | number) {
    this.rng = seedrandom(String(seed));
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
