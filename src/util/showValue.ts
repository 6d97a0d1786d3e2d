/**
 * showValue(): what a value is, for error messages. Error messages name the
 * value that broke a rule, and that value is whatever the caller passed:
 * a bigint, a symbol, an object without a prototype, an object whose
 * toString throws, a Proxy, an array of a million items. So this never
 * throws and never prints more than a line: `String(x)` and
 * `JSON.stringify(x)` do neither (`JSON.stringify(1n)` throws,
 * `String(Object.create(null))` throws).
 *
 * Python's repr() is the model where it has one (Python's messages say
 * `got [1, 2]`, `got <function agen at 0x...>`); functions show their kind
 * and name, or the start of their source when they have no name.
 */

/** How many items of an array, set or map, and keys of an object, a message shows. */
const MAX_ITEMS = 5;
/** How long a string or a function's source may be in a message. */
const MAX_TEXT = 40;

const AsyncFunctionProto = Object.getPrototypeOf(async function () {});
const GeneratorFunctionProto = Object.getPrototypeOf(function* () {});
const AsyncGeneratorFunctionProto = Object.getPrototypeOf(async function* () {});

/** `async function`, `generator function`, `async generator function` or `function`. */
export function functionKind(fn: Function): string {
  const proto = Object.getPrototypeOf(fn);
  if (proto === AsyncFunctionProto) return "async function";
  if (proto === GeneratorFunctionProto) return "generator function";
  if (proto === AsyncGeneratorFunctionProto) return "async generator function";
  return "function";
}

function clip(text: string): string {
  const flat = text.replace(/\s+/g, " ");
  return flat.length > MAX_TEXT ? `${flat.slice(0, MAX_TEXT - 1)}…` : flat;
}

function showFunction(fn: Function): string {
  const kind = functionKind(fn);
  const name = typeof fn.name === "string" ? fn.name : "";
  if (name !== "") return `<${kind} ${name}>`;
  return `<anonymous ${kind}: ${clip(Function.prototype.toString.call(fn))}>`;
}

function showItems(items: Iterable<unknown>, size: number, depth: number): string {
  const shown: string[] = [];
  for (const item of items) {
    if (shown.length === MAX_ITEMS) break;
    shown.push(show(item, depth + 1));
  }
  const more = size > MAX_ITEMS ? `, … (${size} items)` : "";
  return shown.join(", ") + more;
}

function showObject(x: object, depth: number): string {
  if (Array.isArray(x)) return depth > 1 ? `[… (${x.length} items)]` : `[${showItems(x.slice(0, MAX_ITEMS), x.length, depth)}]`;
  const repr = (x as { _repr?: unknown })._repr;
  if (typeof repr === "function") return String(repr.call(x)); // Future, Task, vloop's coroutine objects
  const tag = Object.prototype.toString.call(x).slice(8, -1);
  if (tag === "Promise") return "<Promise>";
  if (tag === "Generator") return "<generator object>";
  if (tag === "AsyncGenerator") return "<async generator object>";
  if (x instanceof Error) return `${x.name}: ${clip(x.message)}`;
  if (x instanceof Set) return depth > 1 ? `Set(${x.size})` : `Set(${x.size}) {${showItems(x, x.size, depth)}}`;
  if (x instanceof Map) return `Map(${x.size})`;
  if (ArrayBuffer.isView(x)) return `<${tag}>`;
  const proto = Object.getPrototypeOf(x);
  if (proto !== null && proto !== Object.prototype) {
    // A class instance: its own toString if it has one (Timeout, TaskGroup), else its class.
    const toString = (x as { toString?: unknown }).toString;
    if (typeof toString === "function" && toString !== Object.prototype.toString) return clip(String(toString.call(x)));
    const name = (proto as { constructor?: { name?: unknown } }).constructor?.name;
    return `<${typeof name === "string" && name !== "" ? name : tag} object>`;
  }
  if (depth > 1) return "{…}";
  const keys = Object.keys(x);
  const shown = keys.slice(0, MAX_ITEMS).map((k) => `${k}: ${show((x as Record<string, unknown>)[k], depth + 1)}`);
  return `{${shown.join(", ")}${keys.length > MAX_ITEMS ? ", …" : ""}}`;
}

function show(x: unknown, depth: number): string {
  try {
    switch (typeof x) {
      case "string":
        return JSON.stringify(clip(x));
      case "bigint":
        return `${x}n`;
      case "symbol":
        return x.toString();
      case "function":
        return showFunction(x);
      case "object":
        return x === null ? "null" : showObject(x, depth);
      default:
        return Object.is(x, -0) ? "-0" : String(x);
    }
  } catch {
    return `<${typeof x} that cannot be shown>`;
  }
}

/**
 * A one-line description of any value, for error messages; never throws.
 * @example showValue(1n)                  // "1n"
 * showValue([1, 2])                       // "[1, 2]"
 * showValue(async function* agen() {})    // "<async generator function agen>"
 */
export function showValue(x: unknown): string {
  return show(x, 0);
}

/** Like showValue, with the type first when it is not obvious: `string "2"`, `bigint 1n`, `NaN`. */
export function showTyped(x: unknown): string {
  return typeof x === "number" || x === null || x === undefined || typeof x === "object" || typeof x === "function"
    ? showValue(x)
    : `${typeof x} ${showValue(x)}`;
}
