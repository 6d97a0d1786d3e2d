/**
 * Law 6: the timer heap pops in exactly the order of CPython's heapq.
 *
 * Three levels, each against an oracle that does not share code with src/:
 *  1. TimerHeap itself, on random push / pop / rebuild (heapify of the
 *     survivors) sequences, against support/heapqModel.ts, a line-by-line
 *     transcription of Lib/heapq.py comparing `when` alone. Not only the
 *     popped items but the whole array layout must match after every step.
 *  2. The loop: random callAt / callLater / callSoon / cancel programs with
 *     many equal deadlines, including programs with more than 100 timers
 *     and over half of them cancelled (asyncio's clean-up rebuild), fire in
 *     exactly the order of support/timerProgram.ts's model of `_run_once`
 *     (lazy head removal, the rebuild rule on `_timer_cancelled_count`, and
 *     the quirk that cancelled timers popped in a due batch do not
 *     decrement that count).
 *  3. Fixed programs whose order was recorded by running CPython 3.12:
 *     fixtures/heapOrder.py produced fixtures/heapOrder.cpython.json
 *     (regenerate: PYENV_VERSION=3.12.1 python3 properties/fixtures/heapOrder.py
 *     > properties/fixtures/heapOrder.cpython.json). Both vloop and the
 *     model must reproduce every one of them.
 *
 * Replay a failure: fast-check prints `seed` and `path`; put them in the
 * fc.assert options of the failing property: fc.assert(prop, { seed, path }).
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { TimerHeap } from "../src/util/heap.js";
import { runs } from "./support/config.js";
import { heapify, heappop, heappush } from "./support/heapqModel.js";
import {
  type TimerProgram,
  modelRunOnce,
  observedOrder,
  rebuildProgramArb,
  runTimerProgram,
  timerProgramArb,
} from "./support/timerProgram.js";

interface Entry {
  _when: number;
  _seq: number;
}
type HeapOp = { push: number } | { pop: true } | { rebuild: boolean[] };

const heapOpArb: fc.Arbitrary<HeapOp> = fc.oneof(
  { arbitrary: fc.record({ push: fc.constantFrom(0, 1, 1, 1, 2, 2, 3, 0.5, -1) }), weight: 6 },
  { arbitrary: fc.record({ pop: fc.constant(true as const) }), weight: 3 },
  { arbitrary: fc.record({ rebuild: fc.array(fc.boolean(), { maxLength: 64 }) }), weight: 1 },
);

describe("law 6: the timer heap pops in heapq's order", () => {
  it("TimerHeap matches a transcription of Lib/heapq.py, layout and pops", () => {
    const lt = (a: Entry, b: Entry): boolean => a._when < b._when;
    fc.assert(
      fc.property(fc.array(heapOpArb, { maxLength: 300 }), (ops) => {
        const heap = new TimerHeap<Entry>();
        let model: Entry[] = [];
        let seq = 0;
        for (const op of ops) {
          if ("push" in op) {
            const e = { _when: op.push, _seq: seq++ };
            heap.push(e);
            heappush(model, e, lt);
          } else if ("pop" in op) {
            if (model.length === 0) continue;
            expect(heap.pop()).toBe(heappop(model, lt));
          } else {
            // asyncio's clean-up: keep the survivors in heap order, heapify them
            const keep = (_: Entry, i: number): boolean => op.rebuild[i % Math.max(1, op.rebuild.length)] ?? true;
            const survivors = model.filter(keep);
            heap.replaceAndHeapify(heap.items.filter(keep));
            heapify(survivors, lt);
            model = survivors;
          }
          expect(heap.items.map((e) => e._seq)).toEqual(model.map((e) => e._seq));
        }
        while (model.length > 0) expect(heap.pop()).toBe(heappop(model, lt));
        expect(heap.length).toBe(0);
      }),
      { numRuns: runs(1000) },
    );
  });

  it("the loop fires random timer programs in the order of the _run_once model", () => {
    const arb = timerProgramArb({
      at: fc.constantFrom(0, 0.5, 1, 1, 2, 2, 3),
      later: fc.constantFrom(-1, 0, 0.5, 1, 1, 2),
      mainOps: { min: 0, max: 60 },
      cbOps: 3,
      depth: 2,
      soon: true,
      cancelWeight: 2,
    });
    fc.assert(
      fc.property(arb, (program) => {
        expect(observedOrder(runTimerProgram(program))).toEqual(modelRunOnce(program));
      }),
      { numRuns: runs(500) },
    );
  });

  it("with over 100 timers and over half cancelled (the clean-up rebuild), the loop follows the model", () => {
    let distinguished = 0;
    fc.assert(
      fc.property(rebuildProgramArb(), (program) => {
        const expected = modelRunOnce(program);
        expect(observedOrder(runTimerProgram(program))).toEqual(expected);
        if (JSON.stringify(modelRunOnce(program, { dueBatchQuirk: false })) !== JSON.stringify(expected)) distinguished++;
      }),
      { numRuns: runs(250) },
    );
    // The generator really exercises the count quirk (it changes the order in some runs).
    expect(distinguished).toBeGreaterThan(0);
  });

  describe("programs recorded under CPython 3.12 (fixtures/heapOrder.py)", () => {
    const here = dirname(fileURLToPath(import.meta.url));
    const fixture = JSON.parse(readFileSync(join(here, "fixtures", "heapOrder.cpython.json"), "utf8")) as {
      python: string;
      cases: { name: string; program: TimerProgram; expected: Array<[number, number]> }[];
    };

    it("was recorded by CPython 3.12", () => {
      expect(fixture.python).toMatch(/^3\.12\./);
      expect(fixture.cases.length).toBeGreaterThan(10);
    });

    for (const c of fixture.cases) {
      it(`${c.name}: vloop and the model both fire in CPython's order`, () => {
        expect(observedOrder(runTimerProgram(c.program))).toEqual(c.expected);
        expect(modelRunOnce(c.program)).toEqual(c.expected);
      });
    }

    it("inflated_count: CPython's count quirk decides the order there", () => {
      const c = fixture.cases.find((x) => x.name === "inflated_count");
      expect(c).toBeDefined();
      expect(modelRunOnce(c!.program, { dueBatchQuirk: false })).not.toEqual(c!.expected);
    });

    it("twelve timers at t=1 pop in heapq's order, not FIFO", () => {
      const c = fixture.cases.find((x) => x.name === "twelve_equal")!;
      expect(c.expected.map(([id]) => id)).toEqual([0, 1, 5, 11, 10, 9, 8, 7, 4, 2, 6, 3, -1]);
    });
  });
});
