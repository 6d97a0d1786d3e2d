/**
 * Python's ways of printing values, so that vloop programs print exactly what
 * their CPython twins print: str(), repr() of floats and lists, and the
 * conformance recorder's time format.
 */

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
  const s = roundHalfEven(t, 6);
  if (/\.0+$/.test(s)) return s.replace(/\.0+$/, "");
  return s.includes(".") ? s.replace(/0+$/, "").replace(/\.$/, "") : s;
}

/** Python's repr() of a float (shortest round-trip digits, Python's layout). */
export function pyFloat(x: number): string {
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

/** Python's repr() of a value (integers as ints: JS cannot tell 1.0 from 1). */
export function pyRepr(x: unknown): string {
  if (typeof x === "string") return pyStrLiteral(x);
  if (x instanceof Error) return `${x.name}(${x.message ? pyStrLiteral(x.message) : ""})`;
  return py(x);
}

/** Python's str() of a value, as `log` prints each part. */
export function py(x: unknown): string {
  if (typeof x === "string") return x;
  if (typeof x === "number") return Number.isInteger(x) ? String(x) : pyFloat(x);
  if (x === null || x === undefined) return "None";
  if (typeof x === "boolean") return x ? "True" : "False";
  if (Array.isArray(x)) return `[${x.map(pyRepr).join(", ")}]`;
  if (x instanceof Error) return x.message;
  return String(x);
}

/** The recorder's _show, for the final "result" line. */
export function show(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(show).join(",")}]`;
  if (v === null || v === undefined) return "null";
  if (typeof v === "boolean") return v ? "true" : "false";
  if (v instanceof Error) return v.name;
  return py(v);
}

