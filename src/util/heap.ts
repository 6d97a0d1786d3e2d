/**
 * The timer heap, written to pop in exactly the order CPython's `heapq` pops.
 *
 * asyncio keeps its timers in a plain list managed by `heapq.heappush`,
 * `heapq.heappop` and `heapq.heapify`, and `TimerHandle.__lt__` compares the
 * deadline (`when`) alone. So timers with equal deadlines are *not* popped in
 * the order they were pushed: the order falls out of the sift moves. We copy
 * `_siftdown` / `_siftup` from `Lib/heapq.py` move for move (the C accelerator
 * `_heapq` runs the same algorithm), so ties come out as they do in CPython.
 *
 * With `fifo` set, ties are broken by insertion sequence instead: the heap key
 * is then the total order (when, seq), as SimPy does.
 *
 * util/pyCompare.ts holds the same two sift functions for PriorityQueue, over
 * any items with Python's `<`; this copy compares deadlines inline because it
 * is the loop's hot path (a comparator call per comparison costs measurably).
 */

/** What the heap needs of an entry: its deadline and its insertion number. */
export interface HeapEntry {
  _when: number;
  _seq: number;
}

export class TimerHeap<T extends HeapEntry> {
  /** The heap array itself, in heapq's layout (index 0 is the smallest). */
  items: T[] = [];

  /** @param fifo break equal deadlines by insertion order instead of heapq's order */
  constructor(readonly fifo = false) {}

  get length(): number {
    return this.items.length;
  }

  /** Ordering: heapq compares `a < b` only; with fifo the sequence breaks ties. */
  private less(a: T, b: T): boolean {
    if (a._when < b._when) return true;
    return this.fifo && a._when === b._when && a._seq < b._seq; // both in the heap: both positive
  }

  /** heapq.heappush */
  push(item: T): void {
    const heap = this.items;
    heap.push(item);
    this.siftDown(0, heap.length - 1);
  }

  /** heapq.heappop; the caller checks the heap is not empty. */
  pop(): T {
    const heap = this.items;
    const last = heap.pop() as T;
    if (heap.length > 0) {
      const top = heap[0];
      heap[0] = last;
      this.siftUp(0);
      return top;
    }
    return last;
  }

  /** heapq.heapify over a new list (asyncio's clean-up rebuilds the heap). */
  replaceAndHeapify(items: T[]): void {
    this.items = items;
    for (let i = (items.length >> 1) - 1; i >= 0; i--) this.siftUp(i);
  }

  /** heapq._siftdown: move the item at `pos` up towards `start`. */
  private siftDown(start: number, pos: number): void {
    const heap = this.items;
    const item = heap[pos];
    while (pos > start) {
      const parentPos = (pos - 1) >> 1;
      const parent = heap[parentPos];
      if (this.less(item, parent)) {
        heap[pos] = parent;
        pos = parentPos;
        continue;
      }
      break;
    }
    heap[pos] = item;
  }

  /** heapq._siftup: move the smaller child up until a leaf, then sift down. */
  private siftUp(pos: number): void {
    const heap = this.items;
    const end = heap.length;
    const start = pos;
    const item = heap[pos];
    let child = 2 * pos + 1;
    while (child < end) {
      const right = child + 1;
      if (right < end && !this.less(heap[child], heap[right])) child = right;
      heap[pos] = heap[child];
      pos = child;
      child = 2 * pos + 1;
    }
    heap[pos] = item;
    this.siftDown(start, pos);
  }
}
