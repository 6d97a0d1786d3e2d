/**
 * Python's `<` for the values a PriorityQueue holds: numbers, strings,
 * booleans, and arrays compared like tuples (element by element; a prefix is
 * smaller). Anything else is a TypeError, as in Python.
 */
function typeName(x: unknown): string {
  if (Array.isArray(x)) return "tuple";
  if (x === null) return "None";
  return typeof x;
}

/** Python's a == b for the same kinds of values. */
function pyEq(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!pyEq(a[i], b[i])) return false;
    return true;
  }
  return a === b;
}

export function pyLess(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) {
    const n = Math.min(a.length, b.length);
    for (let i = 0; i < n; i++) {
      if (!pyEq(a[i], b[i])) return pyLess(a[i], b[i]);
    }
    return a.length < b.length;
  }
  const ta = typeof a;
  const tb = typeof b;
  const numeric = (t: string): boolean => t === "number" || t === "boolean" || t === "bigint";
  if ((numeric(ta) && numeric(tb)) || (ta === "string" && tb === "string")) {
    return (a as number) < (b as number);
  }
  throw new TypeError(`'<' not supported between instances of '${typeName(a)}' and '${typeName(b)}'`);
}

/** heapq.heappush with Python's `<` (see util/heap.ts for the algorithm's notes). */
export function heappush<T>(heap: T[], item: T, lt: (a: T, b: T) => boolean = pyLess): void {
  heap.push(item);
  siftdown(heap, 0, heap.length - 1, lt);
}

/** heapq.heappop with Python's `<`; the caller checks the heap is not empty. */
export function heappop<T>(heap: T[], lt: (a: T, b: T) => boolean = pyLess): T {
  const last = heap.pop() as T;
  if (heap.length > 0) {
    const top = heap[0];
    heap[0] = last;
    siftup(heap, 0, lt);
    return top;
  }
  return last;
}

function siftdown<T>(heap: T[], start: number, pos: number, lt: (a: T, b: T) => boolean): void {
  const item = heap[pos];
  while (pos > start) {
    const parentPos = (pos - 1) >> 1;
    const parent = heap[parentPos];
    if (lt(item, parent)) {
      heap[pos] = parent;
      pos = parentPos;
      continue;
    }
    break;
  }
  heap[pos] = item;
}

function siftup<T>(heap: T[], pos: number, lt: (a: T, b: T) => boolean): void {
  const end = heap.length;
  const start = pos;
  const item = heap[pos];
  let child = 2 * pos + 1;
  while (child < end) {
    const right = child + 1;
    if (right < end && !lt(heap[child], heap[right])) child = right;
    heap[pos] = heap[child];
    pos = child;
    child = 2 * pos + 1;
  }
  heap[pos] = item;
  siftdown(heap, start, pos, lt);
}
