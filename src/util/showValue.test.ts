/** showValue never throws and says what a value is, whatever the value. */
import { describe, expect, test } from "vitest";
import { showTyped, showValue } from "./showValue.js";

describe("showValue", () => {
  test("primitives, including the ones String() or JSON.stringify() choke on", () => {
    expect(showValue(1n)).toBe("1n");
    expect(showValue(Symbol("s"))).toBe("Symbol(s)");
    expect(showValue(-0)).toBe("-0");
    expect(showValue(Number.NaN)).toBe("NaN");
    expect(showValue("a\nb")).toBe('"a b"');
    expect(showValue(undefined)).toBe("undefined");
    expect(showValue(null)).toBe("null");
    expect(showTyped("2")).toBe('string "2"');
    expect(showTyped(1n)).toBe("bigint 1n");
    expect(showTyped(1.5)).toBe("1.5");
  });

  test("objects that cannot be turned into strings", () => {
    const bare = Object.create(null) as Record<string, unknown>;
    bare.a = 1;
    expect(() => String(bare)).toThrow(); // what the message builders used to do
    expect(showValue(bare)).toBe("{a: 1}");
    class Nasty {
      toString(): string {
        throw new Error("no");
      }
    }
    expect(showValue(new Nasty())).toBe("<object that cannot be shown>");
    const trap = new Proxy({}, {
      get() {
        throw new Error("trap");
      },
      getPrototypeOf() {
        throw new Error("trap");
      },
    });
    expect(showValue(trap)).toBe("<object that cannot be shown>");
    expect(showValue({ get x() { throw new Error("getter"); } })).toBe("<object that cannot be shown>");
  });

  test("functions say their kind and name, or the start of their source", () => {
    async function* agen(): AsyncGenerator<number> {
      yield 1;
    }
    function* gen(): Generator<number> {
      yield 1;
    }
    async function w(): Promise<number> {
      return 1;
    }
    expect(showValue(agen)).toBe("<async generator function agen>");
    expect(showValue(gen)).toBe("<generator function gen>");
    expect(showValue(w)).toBe("<async function w>");
    expect(showValue(Math.max)).toBe("<function max>");
    expect(showValue([async () => 1][0])).toMatch(/^<anonymous async function: async \(\) ?=> ?1>$/);
    expect(showValue(agen())).toBe("<async generator object>");
    expect(showValue(gen())).toBe("<generator object>");
    expect(showValue(Promise.resolve(1))).toBe("<Promise>");
  });

  test("collections are short, however long they are", () => {
    expect(showValue([1, 2])).toBe("[1, 2]");
    expect(showValue([])).toBe("[]");
    const big = new Array<number>(1_000_000).fill(7);
    expect(showValue(big)).toBe("[7, 7, 7, 7, 7, … (1000000 items)]");
    expect(showValue([[1, [2, [3]]]])).toBe("[[1, [… (2 items)]]]");
    expect(showValue(new Set())).toBe("Set(0) {}");
    expect(showValue(new Set([1, "a"]))).toBe('Set(2) {1, "a"}');
    expect(showValue(new Map([[1, 2]]))).toBe("Map(1)");
    expect(showValue(new Uint8Array(3))).toBe("<Uint8Array>");
    expect(showValue({ a: 1, b: [1] })).toBe("{a: 1, b: [1]}");
    expect(showValue(new (class Point {})())).toBe("<Point object>");
    expect(showValue(new TypeError("bad"))).toBe("TypeError: bad");
  });
});
