/** Describing a tape in words: "CPython order except k decisions: ...". */
import type { ChoiceRecord } from "../loop/baseEventLoop.js";
import type { Deviation } from "../schedule/tape.js";

function fmt(t: number): string {
  return Number.isInteger(t) ? String(t) : String(+t.toFixed(6));
}

/** One line per deviation, with task names and virtual times. */
export function describeDeviations(tape: readonly Deviation[], log: readonly ChoiceRecord[]): string {
  if (tape.length === 0) return "CPython's own order (no deviation)";
  const lines = [`CPython order except ${tape.length} decision${tape.length === 1 ? "" : "s"}:`];
  for (const d of tape) {
    const rec = log[d.index];
    if (rec === undefined) {
      lines.push(`  decision ${d.index}: alternative ${d.value}`);
      continue;
    }
    const where = `at t=${fmt(rec.time)} (iteration ${rec.iteration})`;
    const chosen = rec.names[d.value] ?? `#${d.value}`;
    const skipped = rec.names.slice(0, d.value).join(", ");
    const what =
      rec.kind === "ready"
        ? `${chosen} stepped ahead of ${skipped}`
        : rec.kind === "timer"
          ? `timer ${chosen} fired ahead of ${skipped} (same deadline)`
          : `${chosen}`;
    const order =
      rec.kind === "jitter" ? "" : rec.kind === "net" ? ` [fault-free: ${rec.names[0]}]` : ` [CPython's order: ${rec.names.join(", ")}]`;
    lines.push(`  decision ${d.index} ${where}: ${what}${order}`);
  }
  return lines.join("\n");
}
