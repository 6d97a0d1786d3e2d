/**
 * A reference model of CPython's `heapq` (Lib/heapq.py, 3.12), transcribed
 * line for line so that it is obviously right by reading it side by side with
 * the Python source. The C accelerator `_heapq` runs the same algorithm (its
 * `siftup` swaps where this moves, which leaves the same list; its
 * cache-friendly heapify for n > 2500 sifts the same nodes, each after its
 * children, so it also leaves the same list).
 *
 * The comparison is `a < b` and nothing else, as `TimerHandle.__lt__`
 * compares `_when` alone: equal deadlines are *not* ordered by insertion.
 * Tests never run Python; this file stands in for it.
 */

export type Lt<T> = (a: T, b: T) => boolean;

/** heapq.heappush(heap, item) */
export function heappush<T>(heap: T[], item: T, lt: Lt<T>): void {
  heap.push(item);
  siftdown(heap, 0, heap.length - 1, lt);
}

/** heapq.heappop(heap); the heap must not be empty. */
export function heappop<T>(heap: T[], lt: Lt<T>): T {
  const lastelt = heap.pop() as T; // raises appropriate IndexError if heap is empty
  if (heap.length > 0) {
    const returnitem = heap[0];
    heap[0] = lastelt;
    siftup(heap, 0, lt);
    return returnitem;
  }
  return lastelt;
}

/** heapq.heapify(x): `for i in reversed(range(n//2)): _siftup(x, i)` */
export function heapify<T>(x: T[], lt: Lt<T>): void {
  const n = x.length;
  for (let i = Math.floor(n / 2) - 1; i >= 0; i--) siftup(x, i, lt);
}

/** heapq._siftdown(heap, startpos, pos) */
function siftdown<T>(heap: T[], startpos: number, pos: number, lt: Lt<T>): void {
  const newitem = heap[pos];
  // Follow the path to the root, moving parents down until finding a place newitem fits.
  while (pos > startpos) {
    const parentpos = (pos - 1) >> 1;
    const parent = heap[parentpos];
    if (lt(newitem, parent)) {
      heap[pos] = parent;
      pos = parentpos;
      continue;
    }
    break;
  }
  heap[pos] = newitem;
}

/** heapq._siftup(heap, pos) */
function siftup<T>(heap: T[], pos: number, lt: Lt<T>): void {
  const endpos = heap.length;
  const startpos = pos;
  const newitem = heap[pos];
  // Bubble up the smaller child until hitting a leaf.
  let childpos = 2 * pos + 1; // leftmost child position
  while (childpos < endpos) {
    // Set childpos to index of smaller child.
    const rightpos = childpos + 1;
    if (rightpos < endpos && !lt(heap[childpos], heap[rightpos])) childpos = rightpos;
    // Move the smaller child up.
    heap[pos] = heap[childpos];
    pos = childpos;
    childpos = 2 * pos + 1;
  }
  // The leaf at pos is empty now. Put newitem there, and bubble it up
  // to its final resting place (by sifting its parents down).
  heap[pos] = newitem;
  siftdown(heap, startpos, pos, lt);
}
