/**
 * `replay(tape)`: follow a recorded tape exactly; every decision the tape
 * does not mention takes the default (CPython's) choice, so a tape that runs
 * out hands over to CPython's order.
 */
import { UsageError } from "../errors.js";
import { showTyped } from "../util/showValue.js";
import type { ChoicePoint, SchedulingPolicy } from "./policy.js";
import { type Deviation, type ParsedTape, parseTape, tapeMap } from "./tape.js";

/**
 * Follows a tape; decisions it does not mention take CPython's choice.
 * @throws UsageError from choose() when the tape does not fit the program.
 * @example run(main, { strategy: new ReplayPolicy("12:1,40:2") });
 */
export class ReplayPolicy implements SchedulingPolicy {
  readonly name = "replay";
  readonly fifoTimers = false;
  readonly chooses = true;
  private readonly table: Map<number, number>;
  /** the jitter the tape was recorded with (its header), if any */
  readonly jitter: number | undefined;
  /** how many decisions the run made so far */
  decisions = 0;

  /**
   * @param lenient take a value that is too large modulo the number of
   *   alternatives instead of refusing the tape (for generated tapes)
   */
  constructor(
    tape: string | readonly Deviation[],
    private readonly lenient = false,
  ) {
    if (typeof tape !== "string" && !Array.isArray(tape)) {
      throw new TypeError(`ReplayPolicy: a tape is a string like "12:1,40:2" or an array of deviations (got ${showTyped(tape)})`);
    }
    const parsed: ParsedTape = typeof tape === "string" ? parseTape(tape) : { deviations: [...(tape as readonly Deviation[])] };
    this.table = tapeMap(parsed.deviations);
    this.jitter = parsed.jitter;
  }

  /** Tape entries the run never reached (a sign the tape belongs to another program or options). */
  unused(): Deviation[] {
    return [...this.table].filter(([index]) => index >= this.decisions).map(([index, value]) => ({ index, value }));
  }

  /**
   * After a run that passed: why the tape does not belong to it, or null when
   * every entry was reached. `options` names what else to check ("jitter?").
   */
  unreachedReport(options: string): string | null {
    const unused = this.unused();
    if (unused.length === 0) return null;
    return (
      `the run passed, but it made only ${this.decisions} decisions and never reached tape entries ` +
      `${unused.map((d) => `${d.index}:${d.value}`).join(", ")}: the tape belongs to another program or other options (${options})`
    );
  }

  choose(n: number, point: ChoicePoint): number {
    this.decisions = Math.max(this.decisions, point.index + 1);
    const v = this.table.get(point.index) ?? 0;
    if (v >= n && this.lenient) return v % n;
    if (v >= n) {
      throw new UsageError(
        `the tape does not fit this program: decision ${point.index} (${point.kind} at t=${point.time}) ` +
          `has ${n} alternatives but the tape says ${v}. Was the program changed since the tape was recorded?`,
      );
    }
    return v;
  }
}
