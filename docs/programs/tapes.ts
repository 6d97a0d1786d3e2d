/**
 * The tape notation of docs/finding-races.md, written and read by vloop's own
 * encodeTape and decodeTape: a dense tape (one entry per decision, 0 meaning
 * CPython's choice) is written down as its deviations only.
 */
import { decodeTape, encodeTape } from "vloop/testing";

const ordinal = (n: number): string => ["1st", "2nd", "3rd"][n - 1] ?? `${n}th`;

function explain(tape: string): string {
  const deviations = decodeTape(tape);
  if (deviations.length === 0) return "CPython's own order";
  const each = deviations.map((d, k) => `decision ${d.index} ${k === 0 ? "took its " : "its "}${ordinal(d.value + 1)}${k === 0 ? " alternative" : ""}`);
  return `${each.join(", ")}; every other decision: CPython's choice`;
}

const decisions = new Array<number>(50).fill(0);
decisions[12] = 1;
decisions[40] = 2;
for (const tape of [encodeTape(decisions), encodeTape(new Array<number>(50).fill(0))]) {
  console.log(`${JSON.stringify(tape).padEnd(14)}${explain(tape)}`);
}
