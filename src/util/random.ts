/**
 * The only source of randomness in vloop: a seeded PRNG from seedrandom, so
 * a run is a pure function of its seed. It uses seedrandom's Alea generator:
 * exploration seeds a new generator for every run, and Alea sets up and
 * draws several times faster than seedrandom's default ARC4.
 */
import seedrandom from "seedrandom";

export class Prng {
  private readonly rng: seedrandom.PRNG;

  constructor(seed: string | number) {
    this.rng = seedrandom.alea(String(seed));
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
