/** An internal consistency check: throws when vloop's own bookkeeping is wrong. */
export function invariant(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(`vloop invariant broken: ${message}`);
}
