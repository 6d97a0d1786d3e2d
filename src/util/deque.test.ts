/** Unit tests for Deque, the ring buffer behind the loop's ready queue. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Deque } from "./deque.js";

describe("Deque", () => {
  it("is first in, first out across growth and wrap-around (against an array)", () => {
    // replay: fc.assert(prop, { seed, path }) with the seed and path fast-check prints
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constant<"shift">("shift"), fc.nat(1000)), { maxLength: 300 }), (ops) => {
        const d = new Deque<number>(4);
        const model: number[] = [];
        for (const op of ops) {
          if (op === "shift") {
            if (model.length > 0) expect(d.shift()).toBe(model.shift());
          } else {
            d.push(op);
            model.push(op);
          }
          expect(d.length).toBe(model.length);
        }
        expect([...d]).toEqual(model);
      }),
      { numRuns: 300 },
    );
  });

  it("at(i) and set(i) index from the head, also after the buffer wrapped", () => {
    const d = new Deque<string>(16);
    for (let i = 0; i < 12; i++) d.push(`a${i}`);
    for (let i = 0; i < 10; i++) d.shift();
    for (let i = 0; i < 10; i++) d.push(`b${i}`); // wraps around the 16 slots
    expect(d.length).toBe(12);
    expect(d.at(0)).toBe("a10");
    expect(d.at(2)).toBe("b0");
    expect(d.at(11)).toBe("b9");
    d.set(3, "x");
    expect([...d]).toEqual(["a10", "a11", "b0", "x", "b2", "b3", "b4", "b5", "b6", "b7", "b8", "b9"]);
  });

  it("keeps its order when it grows while wrapped", () => {
    const d = new Deque<number>(16);
    for (let i = 0; i < 16; i++) d.push(i);
    for (let i = 0; i < 8; i++) d.shift();
    for (let i = 16; i < 40; i++) d.push(i); // wrapped, then full, then grown twice
    expect([...d]).toEqual(Array.from({ length: 32 }, (_, k) => k + 8));
    expect(d.shift()).toBe(8);
  });
});
