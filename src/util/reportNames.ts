/**
 * Names for the locks and queues of a run in reports: `Lock#1`, `Lock#2`,
 * `Queue#1`, ... asyncio's primitives have no name (their repr shows a
 * memory address), so a deadlock report numbers them, per kind and per loop,
 * in the order the report first mentions them, as futures are numbered
 * (`Future#3`): the same program gives the same names in every run, and
 * nothing is stored on a primitive until a report names it.
 */
import { pyTypeName } from "./asyncioRepr.js";

/** The name given to each object, once. */
const names = new WeakMap<object, string>();
/** Per scope (a loop): the last number used for each kind. */
const counters = new WeakMap<object, Map<string, number>>();

/**
 * The report name of `obj` in `scope` (its loop): its kind, asyncio's class
 * name without the module ("Lock", "BoundedSemaphore", "PriorityQueue"),
 * then `#` and a number counted per kind from 1.
 */
export function reportName(scope: object, obj: object): string {
  let name = names.get(obj);
  if (name === undefined) {
    const kind = pyTypeName(obj).replace(/^.*\./, "");
    let perKind = counters.get(scope);
    if (perKind === undefined) counters.set(scope, (perKind = new Map()));
    const n = (perKind.get(kind) ?? 0) + 1;
    perKind.set(kind, n);
    name = `${kind}#${n}`;
    names.set(obj, name);
  }
  return name;
}

/** `A, B, C` for up to `max` names, then how many more: `A, B, ... and 7 more`. */
export function nameList(items: readonly string[], max = 8): string {
  if (items.length <= max) return items.join(", ");
  return `${items.slice(0, max).join(", ")}, ... and ${items.length - max} more`;
}

/** "1 item", "2 items" */
export function plural(n: number, what: string): string {
  return `${n} ${what}${n === 1 ? "" : "s"}`;
}
