/**
 * console.log's formatting, for the values programs print: strings as they
 * are at the top level, arrays as `[ 2, 6, 24 ]`, plain objects as
 * `{ a: 1, b: 'x' }`, as Node prints them on one line (the playground shows a
 * script's console output as `node` would). Deeper or exotic values fall back
 * to String().
 */
export function formatLog(args: readonly unknown[]): string {
  return args.map((a) => (typeof a === "string" ? a : inspect(a, 0))).join(" ");
}

function inspect(v: unknown, depth: number): string {
  if (typeof v === "string") return depth === 0 ? v : `'${v.replace(/\\/g, "\\\\").replace(/'/g, "\\'").replace(/\n/g, "\\n")}'`;
  if (typeof v === "number") return Object.is(v, -0) ? "-0" : String(v);
  if (typeof v === "bigint") return `${v}n`;
  if (v === undefined || v === null || typeof v === "boolean") return String(v);
  if (typeof v === "symbol") return v.toString();
  if (typeof v === "function") return `[${v.constructor.name === "AsyncFunction" ? "AsyncFunction" : v.constructor.name === "GeneratorFunction" ? "GeneratorFunction" : "Function"}: ${v.name || "(anonymous)"}]`;
  if (v instanceof Error) return v.stack ?? `${v.name}: ${v.message}`;
  if (depth > 2) return Array.isArray(v) ? "[Array]" : "[Object]";
  if (Array.isArray(v)) return v.length === 0 ? "[]" : `[ ${v.map((x) => inspect(x, depth + 1)).join(", ")} ]`;
  const proto = Object.getPrototypeOf(v);
  if (proto === Object.prototype || proto === null) {
    const entries = Object.entries(v as Record<string, unknown>);
    if (entries.length === 0) return "{}";
    return `{ ${entries.map(([k, x]) => `${/^[A-Za-z_$][\w$]*$/.test(k) ? k : `'${k}'`}: ${inspect(x, depth + 1)}`).join(", ")} }`;
  }
  return String(v);
}
