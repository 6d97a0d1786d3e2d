/**
 * Unit tests for TimerHeap. The expected orders below were printed by
 * CPython 3.12's heapq (PYENV_VERSION=3.12.1 python3) with items whose
 * `__lt__` compares `when` only, as asyncio.TimerHandle does:
 *
 *   import heapq
 *   class T:
 *       def __init__(s, w, i): s.w = w; s.i = i
 *       def __lt__(s, o): return s.w < o.w
 *   h = []
 *   for i in range(12): heapq.heappush(h, T(1, i))
 *   print([heapq.heappop(h).i for _ in range(12)])
 *   x = [T(w, i) for i, w in enumerate([3, 1, 2, 1, 3, 1, 2, 1, 1, 2])]
 *   heapq.heapify(x); print([t.i for t in x])
 *   print([heapq.heappop(x).i for _ in range(10)])
 *
 * The law-level check (random sequences against a transcription of
 * Lib/heapq.py) is properties/timerHeapPopsInHeapqOrder.test.ts.
 */
import { describe, expect, it } from "vitest";
import { FifoTimerHeap, type HeapEntry, TimerHeap } from "./heap.js";

const entry = (when: number, seq: number): HeapEntry => ({ _when: when, _seq: seq });

function drain(heap: TimerHeap<HeapEntry>): number[] {
  const out: number[] = [];
  while (heap.length > 0) out.push(heap.pop()._seq);
  return out;
}

describe("TimerHeap", () => {
  it("pops in ascending deadline order", () => {
    const whens = [5, 0.5, 3, -1, 2, 2.5, 0, 4, 1e6, 1e-9];
    const heap = new TimerHeap<HeapEntry>();
    whens.forEach((w, i) => heap.push(entry(w, i)));
    const popped: number[] = [];
    while (heap.length > 0) popped.push(heap.pop()._when);
    expect(popped).toEqual([...whens].sort((a, b) => a - b));
  });

  it("pops equal deadlines in heapq's order, not in insertion order", () => {
    const heap = new TimerHeap<HeapEntry>();
    for (let i = 0; i < 12; i++) heap.push(entry(1, i));
    expect(drain(heap)).toEqual([0, 2, 6, 11, 10, 9, 8, 5, 7, 4, 1, 3]);
  });

  it("replaceAndHeapify leaves heapq.heapify's layout and pop order", () => {
    const heap = new TimerHeap<HeapEntry>();
    heap.replaceAndHeapify([3, 1, 2, 1, 3, 1, 2, 1, 1, 2].map((w, i) => entry(w, i)));
    expect(heap.items.map((e) => e._seq)).toEqual([5, 8, 6, 3, 9, 2, 0, 7, 1, 4]);
    expect(drain(heap)).toEqual([5, 8, 3, 1, 7, 6, 2, 9, 4, 0]);
  });

  it("with fifo, breaks equal deadlines by insertion number", () => {
    const heap = new FifoTimerHeap<HeapEntry>();
    const whens = [1, 1, 0, 1, 0, 2, 1, 1, 0, 1, 1, 1];
    whens.forEach((w, i) => heap.push(entry(w, i)));
    const expected = whens
      .map((w, i) => [w, i] as const)
      .sort((a, b) => a[0] - b[0] || a[1] - b[1])
      .map(([, i]) => i);
    expect(drain(heap)).toEqual(expected);
  });
});
