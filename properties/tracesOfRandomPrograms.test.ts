/**
 * Law: over the fuzzer's random asyncio programs (scenarios/fuzz/program.ts:
 * cancellations, timeouts, task groups, locks, conditions, barriers, queues,
 * wait_for, shield, callbacks...), the generator style and the async style
 * emit the same trace, event for event, under CPython's order and under a
 * random one; and every renderer draws the trace: the terminal timeline
 * (within its width), the SVG (standalone), and Chrome's trace JSON (each
 * event with a name, a phase, a time and a track).
 *
 * Replay a failure: fast-check prints `seed` and `path`; put them in the
 * fc.assert options below: fc.assert(prop, { seed, path }).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type LoopOptions, run } from "../src/index.js";
import { ArrayTracer, type TraceEvent } from "../src/loop/trace.js";
import { RandomPolicy } from "../src/testing.js";
import { toChromeTrace } from "../src/trace/chrome.js";
import { renderSvg } from "../src/trace/svg.js";
import { renderTimeline } from "../src/trace/text.js";
import { asyncMain, genMain } from "../scenarios/fuzz/interpret.js";
import { randomProgram, type Program } from "../scenarios/fuzz/program.js";
import { runs } from "./support/config.js";

async function traceOf(p: Program, style: "gen" | "async", seed: number | null): Promise<{ events: TraceEvent[]; outcome: string }> {
  const tracer = new ArrayTracer();
  const options: LoopOptions = { tracer, strategy: seed === null ? "cpython" : new RandomPolicy(seed) };
  let outcome: string;
  try {
    outcome = `result ${JSON.stringify(await run(style === "gen" ? genMain(p) : asyncMain(p), options))}`;
  } catch (e) {
    outcome = `raised ${(e as Error).name}`;
  }
  return { events: tracer.events, outcome };
}

describe("law: random programs trace alike in both styles, and every renderer draws them", () => {
  it("same events in both styles; timeline, SVG and Chrome trace render", async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: 1_000_000 }), fc.option(fc.nat({ max: 1_000_000 }), { nil: null }), async (programSeed, runSeed) => {
        const p = randomProgram(programSeed);
        const gen = await traceOf(p, "gen", runSeed);
        const asy = await traceOf(p, "async", runSeed);
        expect(asy.outcome).toBe(gen.outcome);
        expect(asy.events).toEqual(gen.events);

        const width = 100;
        const timeline = renderTimeline(gen.events, { width });
        for (const line of timeline.split("\n")) expect(line.length, line).toBeLessThanOrEqual(width);
        const svg = renderSvg(gen.events);
        expect(svg.startsWith("<svg")).toBe(true);
        expect(svg).not.toMatch(/<script|href="http/);
        const chrome = JSON.parse(JSON.stringify(toChromeTrace(gen.events))) as { traceEvents: Record<string, unknown>[] };
        for (const e of chrome.traceEvents) {
          expect(typeof e.ph).toBe("string");
          if (e.ph !== "M") {
            expect(typeof e.name).toBe("string");
            expect(typeof e.ts).toBe("number");
            expect(e.tid).toBeDefined();
          }
        }
      }),
      { numRuns: runs(200) },
    );
  });
});
