/**
 * A FIFO queue on a growable ring buffer: the loop's ready queue
 * (`collections.deque` in asyncio). push at the tail, shift from the head,
 * both O(1) without the O(n) cost of `Array.prototype.shift`.
 */
export class Deque<T> {
  private buf: (T | undefined)[];
  private head = 0;
  private size = 0;
  private mask: number;

  constructor(capacity = 16) {
    let cap = 16;
    while (cap < capacity) cap *= 2;
    this.buf = new Array(cap);
    this.mask = cap - 1;
  }

  get length(): number {
    return this.size;
  }

  push(item: T): void {
    if (this.size === this.buf.length) this.grow();
    this.buf[(this.head + this.size) & this.mask] = item;
    this.size++;
  }

  /** Removes and returns the head; the caller checks the queue is not empty. */
  shift(): T {
    const item = this.buf[this.head] as T;
    this.buf[this.head] = undefined;
    this.head = (this.head + 1) & this.mask;
    this.size--;
    return item;
  }

  /** The item `i` places from the head (0 is the head). */
  at(i: number): T {
    return this.buf[(this.head + i) & this.mask] as T;
  }

  /** Overwrites the item `i` places from the head. */
  set(i: number, item: T): void {
    this.buf[(this.head + i) & this.mask] = item;
  }

  *[Symbol.iterator](): Generator<T> {
    for (let i = 0; i < this.size; i++) yield this.at(i);
  }

  private grow(): void {
    const old = this.buf;
    const next: (T | undefined)[] = new Array(old.length * 2);
    for (let i = 0; i < this.size; i++) next[i] = old[(this.head + i) & this.mask];
    this.buf = next;
    this.head = 0;
    this.mask = next.length - 1;
  }
}
