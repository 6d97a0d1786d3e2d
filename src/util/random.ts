/**
 * The only source of randomness in vloop: a seeded PRNG, so a run is a pure
 * function of its seed. It is seedrandom's Tyche-i generator (Neves and
 * Araujo, "Fast and small nonlinear pseudorandom number generators for
 * computer simulation", 2011), with seedrandom's string seeding, so the
 * numbers are bit for bit those of `seedrandom.tychei(seed)` (random.test.ts
 * checks it against seedrandom itself). It is written out here rather than
 * called through seedrandom because exploration seeds a new generator for
 * every run: seedrandom's keeps its state in properties of an object with a
 * closure per instance, and its seeding (the seed's length + 20 rounds) was a
 * quarter of an empty explored run (0.25 us of 1.0 us); with the state in
 * locals it is a few tens of ns.
 */

/** Tyche-i's state after seeding with `seed` (seedrandom's tychei: one round per character, then 20 more). */
function seedState(seed: string, state: Int32Array): void {
  let a = 0;
  let b = 0;
  let c = 2654435769 | 0;
  let d = 1367130551;
  const rounds = seed.length + 20;
  for (let k = 0; k < rounds; k++) {
    if (k < seed.length) b ^= seed.charCodeAt(k);
    // one Tyche-i round (the same as Prng.int32 below)
    b = (b << 25) ^ (b >>> 7) ^ c;
    c = (c - d) | 0;
    d = (d << 24) ^ (d >>> 8) ^ a;
    a = (a - b) | 0;
    b = (b << 20) ^ (b >>> 12) ^ c;
    c = (c - d) | 0;
    d = (d << 16) ^ (c >>> 16) ^ a;
    a = (a - b) | 0;
  }
  state[0] = a;
  state[1] = b;
  state[2] = c;
  state[3] = d;
}

export class Prng {
  // (`declare`: set in the constructor, not first defined as undefined; see Future's constructor)
  private declare a: number;
  private declare b: number;
  private declare c: number;
  private declare d: number;

  constructor(seed: string | number) {
    const state = SEEDING;
    seedState(String(seed), state);
    this.a = state[0] as number;
    this.b = state[1] as number;
    this.c = state[2] as number;
    this.d = state[3] as number;
  }

  /** The next 32-bit signed integer (seedrandom's `int32()`). */
  private int32(): number {
    let a = this.a;
    let b = this.b;
    let c = this.c;
    let d = this.d;
    b = (b << 25) ^ (b >>> 7) ^ c;
    c = (c - d) | 0;
    d = (d << 24) ^ (d >>> 8) ^ a;
    a = (a - b) | 0;
    this.b = b = (b << 20) ^ (b >>> 12) ^ c;
    this.c = c = (c - d) | 0;
    this.d = (d << 16) ^ (c >>> 16) ^ a;
    return (this.a = (a - b) | 0);
  }

  /** A float in [0, 1) (seedrandom's `prng()`). */
  next(): number {
    return (this.int32() >>> 0) / 4294967296;
  }

  /** An integer in [0, n). */
  below(n: number): number {
    return Math.floor(this.next() * n);
  }
}

/** Scratch space for seeding (the constructor copies it out at once). */
const SEEDING = new Int32Array(4);
