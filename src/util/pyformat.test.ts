/**
 * Python's printing, checked against CPython 3.12. The expected strings were
 * produced by running, under `PYENV_VERSION=3.12.1 python3`:
 *
 *   def fmt_time(t):
 *       r = round(t, 6)
 *       return ('%.6f' % r).rstrip('0').rstrip('.') if r != int(r) else str(int(r))
 *   print([[x.hex(), fmt_time(x), repr(x)] for x in xs])
 *
 * (fmt_time is the conformance recorder's time format). Inputs are given
 * as float.hex() so both sides start from the same bits.
 */
import { describe, expect, test } from "vitest";
import { fmtTime, py, pyFloat, pyRepr, pyRound, reprlibRepr, show } from "./pyformat.js";

const cpython: [string, string, string][] = [
  ["0x0.0p+0", "0", "0.0"],
  ["0x1.0000000000000p+0", "1", "1.0"],
  ["0x1.3333333333334p-2", "0.3", "0.30000000000000004"],
  ["0x1.3333333333333p-2", "0.3", "0.3"],
  ["0x1.0000000000000p-7", "0.007812", "0.0078125"],
  ["0x1.0c6f7a0b5ed8dp-21", "0", "5e-07"],
  ["0x1.0c6f7a0b5ed8dp-22", "0", "2.5e-07"],
  ["0x1.4f8b588e368f1p-17", "0.00001", "1e-05"],
  ["0x1.e240c9fbe76c9p+16", "123456.789", "123456.789"],
  ["0x1.1c37937e08000p+53", "10000000000000000", "1e+16"],
  ["0x1.c6bf526340000p+49", "1000000000000000", "1000000000000000.0"],
  ["0x1.999999999999ap-4", "0.1", "0.1"],
  ["0x1.5555555555555p-2", "0.333333", "0.3333333333333333"],
  ["0x1.0000000000000p-20", "0.000001", "9.5367431640625e-07"],
  ["0x1.5180000008638p+16", "86400.000001", "86400.0000005"],
  ["0x1.80000431bde83p+1", "3.000001", "3.0000005"],
  ["0x1.9999999999999p-1", "0.8", "0.7999999999999999"],
  ["0x1.a36e2eb1c432dp-14", "0.0001", "0.0001"],
  ["0x0.0000000000001p-1022", "0", "5e-324"],
  ["0x1.5ee2a2eb5a5c4p+53", "12345678901234568", "1.2345678901234568e+16"],
];

/**
 * reprlib.repr(v) for JSON-able values, from CPython 3.12:
 *   for v in vals: print([v, reprlib.repr(v)])   (as JSON)
 */
const reprlib: [unknown, string][] = [
  ["x", "'x'"],
  ["it's", "\"it's\""],
  ["aaaaaaaaaaaaaaaaaaaaaaaaaaaa", "'aaaaaaaaaaaaaaaaaaaaaaaaaaaa'"],
  ["aaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "'aaaaaaaaaaaa...aaaaaaaaaaaaa'"],
  ["bbbbbbbbbbbbbbbbbbbbbbbbbbbbbb", "'bbbbbbbbbbbb...bbbbbbbbbbbbb'"],
  ["q\"'q\"'q\"'q\"'q\"'q\"'q\"'q\"'q\"'q\"'q\"'q\"'q\"'q\"'q\"'q\"'q\"'q\"'q\"'q\"'", "'q\"\\'q\"\\'q\"\\'...'q\"\\'q\"\\'q\"\\''"],
  ["new\nline", "'new\\nline'"],
  [null, "None"],
  [true, "True"],
  [2.5, "2.5"],
  [[0, 1, 2, 3, 4, 5, 6], "[0, 1, 2, 3, 4, 5, ...]"],
  [[0, 1, 2, 3, 4, 5], "[0, 1, 2, 3, 4, 5]"],
  [[[[[[[1]]]]]], "[[[[[[1]]]]]]"],
  [[[[[[[[]]]]]]], "[[[[[[[]]]]]]]"],
  [[[[[[[[2]]]]]]], "[[[[[[[...]]]]]]]"],
  [["cccccccccccccccccccccccccccccccccccccccc", null], "['cccccccccccc...ccccccccccccc', None]"],
  [-7, "-7"],
];

/** float.fromhex */
function fromHex(h: string): number {
  const m = /^0x([01])\.([0-9a-f]*)p([+-]\d+)$/.exec(h);
  if (!m) throw new Error(h);
  const frac = m[2].length ? parseInt(m[2], 16) / 16 ** m[2].length : 0;
  return (Number(m[1]) + frac) * 2 ** Number(m[3]);
}

describe("Python's printing", () => {
  test.each(cpython)("%s: fmt_time %s, repr %s", (hex, time, repr) => {
    const x = fromHex(hex);
    expect(fmtTime(x)).toBe(time);
    expect(pyFloat(x)).toBe(repr);
  });

  test("str() of values as scenario logs print them", () => {
    expect(py([1, "a", null, true, [2]])).toBe("[1, 'a', None, True, [2]]");
    expect(py("it's")).toBe("it's");
    expect(pyRepr("it's")).toBe('"it\'s"');
    expect(py(new Error("boom"))).toBe("boom");
    expect(show([2, 6, 24])).toBe("[2,6,24]");
    expect(show(undefined)).toBe("null");
  });

  test.each(reprlib)("reprlib.repr(%j) is %s", (value, expected) => {
    expect(reprlibRepr(value)).toBe(expected);
  });

  test("reprlib.repr of an exception cuts its repr to 30 characters", () => {
    // reprlib.repr(ValueError("a much longer message than thirty"))
    expect(reprlibRepr(new ValueErrorLike("a much longer message than thirty"))).toBe("ValueError('a... than thirty')");
  });

  test("repr of an exception group lists its exceptions, without str()'s count", () => {
    // repr(ExceptionGroup("unhandled errors in a TaskGroup", [ValueError("a"), KeyError("b")]))
    const eg = Object.assign(new Error("unhandled errors in a TaskGroup (2 sub-exceptions)"), {
      name: "ExceptionGroup",
      exceptions: [new ValueErrorLike("a"), Object.assign(new Error("b"), { name: "KeyError" })],
    });
    expect(pyRepr(eg)).toBe("ExceptionGroup('unhandled errors in a TaskGroup', [ValueError('a'), KeyError('b')])");
  });

  test("round(x, 3), half to even on the exact binary value", () => {
    // [round(x, 3) for x in [0.0625, 0.1875, 2.0005, 1e20, 1234.56789, 10.0, -0.0005, 0.0005, 2.5e-4, -0.0001]]
    const xs = [0.0625, 0.1875, 2.0005, 1e20, 1234.56789, 10.0, -0.0005, 0.0005, 2.5e-4, -0.0001];
    expect(xs.map((x) => pyFloat(pyRound(x, 3)))).toEqual(
      ["0.062", "0.188", "2.001", "1e+20", "1234.568", "10.0", "-0.001", "0.001", "0.0", "-0.0"],
    );
  });
});

class ValueErrorLike extends Error {
  override name = "ValueError";
}

describe("values a program may log that used to break the printer", () => {
  test("an array that contains itself prints as Python prints it, instead of overflowing the stack", () => {
    // CPython 3.12: l = [1]; l.append(l); print(l) -> [1, [...]]; print([l, 'a']) -> [[1, [...]], 'a']
    const l: unknown[] = [1];
    l.push(l);
    expect(py(l)).toBe("[1, [...]]");
    expect(pyRepr(l)).toBe("[1, [...]]");
    expect(py([l, "a"])).toBe("[[1, [...]], 'a']");
    expect(show(l)).toBe("[1,[...]]");
    const shared = [2];
    expect(py([shared, shared])).toBe("[[2], [2]]"); // the same array twice is no cycle
  });

  test("fmtTime and pyFloat name a value that is not a number", () => {
    expect(() => fmtTime(undefined as never)).toThrow(/^fmtTime: a time in seconds must be a number \(got undefined\)$/);
    expect(() => fmtTime(1n as never)).toThrow(/\(got bigint 1n\)$/);
    expect(() => pyFloat(Symbol("s") as never)).toThrow(/^pyFloat: a number is required \(got symbol Symbol\(s\)\)$/);
  });
});
