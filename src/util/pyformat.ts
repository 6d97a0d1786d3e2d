/**
 * Python's ways of printing values, so that vloop programs print exactly what
 * their CPython twins print: str(), repr() of floats and lists, reprlib's
 * shortened repr (asyncio's `result=` fields), round(), and the conformance
 * recorder's time format.
 */
import { showTyped } from "./showValue.js";

/** x rounded to `digits` decimals, half to even on the exact binary value (Python's round()). */
function roundHalfEven(x: number, digits: number): string {
  const fixed = x.toFixed(digits);
  const exact = x.toFixed(100).replace(/0+$/, "");
  const dot = exact.indexOf(".");
  const frac = dot < 0 ? "" : exact.slice(dot + 1);
  if (frac.length === digits + 1 && frac.endsWith("5")) {
    // An exact tie: toFixed rounded away from zero; Python rounds to even.
    const down = (x < 0 ? "-" : "") + exact.replace("-", "").slice(0, exact.replace("-", "").length - 1);
    const lastKept = Number(down.charAt(down.length - 1));
    if (lastKept % 2 === 0) return down.endsWith(".") ? down.slice(0, -1) : down;
  }
  return fixed;
}

/** The recorder's fmt_time: 6 decimals, trailing zeros stripped, integers bare. */
export function fmtTime(t: number): string {
  if (typeof t !== "number") throw new TypeError(`fmtTime: a time in seconds must be a number (got ${showTyped(t)})`);
  const s = roundHalfEven(t, 6);
  if (/\.0+$/.test(s)) return s.replace(/\.0+$/, "");
  return s.includes(".") ? s.replace(/0+$/, "").replace(/\.$/, "") : s;
}

/** Python's repr() of a float (shortest round-trip digits, Python's layout). */
export function pyFloat(x: number): string {
  if (typeof x !== "number") throw new TypeError(`pyFloat: a number is required (got ${showTyped(x)})`);
  if (Number.isNaN(x)) return "nan";
  if (!Number.isFinite(x)) return x > 0 ? "inf" : "-inf";
  if (x === 0) return Object.is(x, -0) ? "-0.0" : "0.0";
  const [mant, expStr] = x.toExponential().split("e");
  const exp = Number(expStr);
  const neg = mant.startsWith("-");
  const digits = mant.replace("-", "").replace(".", "");
  const sign = neg ? "-" : "";
  if (exp < -4 || exp >= 16) {
    const m = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    const e = Math.abs(exp) < 10 ? `0${Math.abs(exp)}` : String(Math.abs(exp));
    return `${sign}${m}e${exp < 0 ? "-" : "+"}${e}`;
  }
  if (exp < 0) return `${sign}0.${"0".repeat(-exp - 1)}${digits}`;
  if (digits.length <= exp + 1) return `${sign}${digits}${"0".repeat(exp + 1 - digits.length)}.0`;
  return `${sign}${digits.slice(0, exp + 1)}.${digits.slice(exp + 1)}`;
}

function pyStrLiteral(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  const body = s.replace(/\\/g, "\\\\").replace(/\n/g, "\\n").replace(new RegExp(quote, "g"), `\\${quote}`);
  return `${quote}${body}${quote}`;
}

/** Python's round(x, digits) of a float: half to even, on the exact binary value. */
export function pyRound(x: number, digits: number): number {
  return Number(roundHalfEven(x, digits));
}

/**
 * Python's repr() of a value (integers as ints: JS cannot tell 1.0 from 1).
 * An exception prints as `Name('message')`; one with an `exceptions` array
 * (vloop's ExceptionGroup) as `Name('message', [repr, ...])`, its message
 * without the " (n sub-exceptions)" that str() adds.
 */
export function pyRepr(x: unknown): string {
  if (typeof x === "string") return pyStrLiteral(x);
  if (x instanceof Error) {
    const subs = (x as { exceptions?: unknown }).exceptions;
    if (Array.isArray(subs)) {
      const message = x.message.replace(/ \(\d+ sub-exceptions?\)$/, "");
      return `${x.name}(${pyStrLiteral(message)}, [${subs.map(pyRepr).join(", ")}])`;
    }
    return `${x.name}(${x.message ? pyStrLiteral(x.message) : ""})`;
  }
  return py(x);
}

// reprlib.Repr's default limits
const MAX_LEVEL = 6;
const MAX_LIST = 6;
const MAX_STRING = 30;
const MAX_LONG = 40;
const MAX_OTHER = 30;

/** reprlib's cut: the first and last characters of `s`, "..." between, `max` in all. */
function elide(s: string, max: number): string {
  const i = Math.max(0, Math.floor((max - 3) / 2));
  const j = Math.max(0, max - 3 - i);
  return s.slice(0, i) + "..." + s.slice(s.length - j);
}

function reprlib1(x: unknown, level: number): string {
  if (typeof x === "string") {
    const chars = Array.from(x); // code points, as Python slices strings
    let s = pyStrLiteral(chars.slice(0, MAX_STRING).join(""));
    if (s.length > MAX_STRING) {
      const i = Math.max(0, Math.floor((MAX_STRING - 3) / 2));
      const j = Math.max(0, MAX_STRING - 3 - i);
      s = pyStrLiteral(chars.slice(0, i).join("") + chars.slice(chars.length - j).join(""));
      s = s.slice(0, i) + "..." + s.slice(s.length - j);
    }
    return s;
  }
  if (Array.isArray(x)) {
    if (level <= 0 && x.length > 0) return "[...]";
    const pieces = x.slice(0, MAX_LIST).map((item) => reprlib1(item, level - 1));
    if (x.length > MAX_LIST) pieces.push("...");
    return `[${pieces.join(", ")}]`;
  }
  const s = pyRepr(x);
  const isInt = (typeof x === "number" && Number.isInteger(x)) || typeof x === "bigint";
  const max = isInt ? MAX_LONG : MAX_OTHER;
  return s.length > max ? elide(s, max) : s;
}

/**
 * Python's reprlib.repr(): repr() with its default limits (strings cut to 30
 * characters, lists to 6 items and 6 levels, other values to 30 characters),
 * as asyncio prints a future's `result=`.
 */
export function reprlibRepr(x: unknown): string {
  return reprlib1(x, MAX_LEVEL);
}

/** Python's str() of a value, as `log` prints each part. */
export function py(x: unknown): string {
  if (typeof x === "string") return x;
  if (typeof x === "number") return Number.isInteger(x) ? String(x) : pyFloat(x);
  if (x === null || x === undefined) return "None";
  if (typeof x === "boolean") return x ? "True" : "False";
  if (Array.isArray(x)) return listOf(x, pyRepr, ", ");
  if (x instanceof Error) return x.message;
  if (x instanceof Uint8Array) return bytesRepr(x);
  return String(x);
}

/** The arrays being printed, outermost first: an array met again inside itself prints as Python's `[...]`. */
const printing = new Set<unknown[]>();

/** `[a, b]` of an array's items, or `[...]` for an array that contains itself (as Python prints `l = [1]; l.append(l)`). */
function listOf(x: unknown[], item: (v: unknown) => string, separator: string): string {
  if (printing.has(x)) return "[...]";
  printing.add(x);
  try {
    return `[${x.map(item).join(separator)}]`;
  } finally {
    printing.delete(x);
  }
}

/** Python's repr of bytes: b'hello\\n' (a Uint8Array is vloop's bytes). */
export function bytesRepr(b: Uint8Array): string {
  let hasSingle = false;
  let hasDouble = false;
  for (let i = 0; i < b.length; i++) {
    if (b[i] === 0x27) hasSingle = true;
    else if (b[i] === 0x22) hasDouble = true;
  }
  const quote = hasSingle && !hasDouble ? '"' : "'";
  let out = "b" + quote;
  for (let i = 0; i < b.length; i++) {
    const c = b[i];
    if (c === 0x5c) out += "\\\\";
    else if (c === 0x09) out += "\\t";
    else if (c === 0x0a) out += "\\n";
    else if (c === 0x0d) out += "\\r";
    else if (c === quote.charCodeAt(0)) out += "\\" + quote;
    else if (c < 0x20 || c >= 0x7f) out += "\\x" + c.toString(16).padStart(2, "0");
    else out += String.fromCharCode(c);
  }
  return out + quote;
}

/** The recorder's _show, for the final "result" line. */
export function show(v: unknown): string {
  if (Array.isArray(v)) return listOf(v, show, ",");
  if (v === null || v === undefined) return "null";
  if (typeof v === "boolean") return v ? "true" : "false";
  if (v instanceof Error) return v.name;
  return py(v);
}

