/**
 * Shared settings for the property suite.
 *
 * Every law file passes `numRuns: runs(n)`. Set PROPERTY_RUNS_SCALE (a
 * positive number, default 1) to soak the suite: PROPERTY_RUNS_SCALE=20
 * npx vitest run properties runs every law twenty times as long.
 *
 * Replaying a failure: fast-check prints `seed` and `path` with the
 * counterexample; pass both back in the law's fc.assert options
 * (`fc.assert(prop, { seed, path, endOnFailure: true })`) to run only it.
 */
export function runs(n: number): number {
  const scale = Number(process.env.PROPERTY_RUNS_SCALE ?? "1");
  return Number.isFinite(scale) && scale > 0 ? Math.max(1, Math.round(n * scale)) : n;
}
