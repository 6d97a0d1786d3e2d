/**
 * Queue, PriorityQueue, LifoQueue: asyncio.queues (3.12), and shutdown(),
 * which Python 3.13 added (nothing else in asyncio.queues changed in 3.13).
 *
 * Ordering, as CPython: putNowait/getNowait wake the first live waiter on the
 * other side; a woken getter that finds the queue empty again (another task
 * took the item in between) goes back in line at the tail and waits again.
 */
import { QueueEmpty, QueueFull, QueueShutDown, RuntimeError, ValueError } from "../errors.js";
import { CoroutineObject, GenCoroutine, iterResult } from "../futures/coroutine.js";
import { type Future, NO_EDGES, PENDING, WaiterFuture, type WaitSource, markBlocking } from "../futures/future.js";
import type { WaitInfo } from "../loop/deadlockReport.js";
import { Deque } from "../util/deque.js";
import { showTyped } from "../util/showValue.js";
import { plural, reportName } from "../util/reportNames.js";
import { heappop, heappush } from "../util/pyCompare.js";
import { Event } from "./event.js";
import { pyTypeName, setPyName } from "../util/asyncioRepr.js";
import { pyRepr } from "../util/pyformat.js";
import { LoopBound } from "./loopBound.js";
import { extraArgument, noTimeout } from "../util/args.js";

function removeFromDeque<T>(d: Deque<T>, item: T): boolean {
  const n = d.length;
  let found = -1;
  for (let i = 0; i < n; i++) {
    if (d.at(i) === item) {
      found = i;
      break;
    }
  }
  if (found < 0) return false;
  const rest: T[] = [];
  for (let i = 0; i < n; i++) {
    const x = d.shift();
    if (i !== found) rest.push(x);
  }
  for (const x of rest) d.push(x);
  return true;
}

/**
 * A FIFO queue for tasks. Mirrors asyncio.Queue(maxsize): the queue is full
 * when `qsize() >= maxsize`, so a fractional maxsize counts up to the next
 * integer (2.5 holds 3 items), and maxsize <= 0 (or NaN) means unbounded, as in CPython.
 * @throws TypeError for a maxsize that is not a number (CPython raises its
 *   TypeError at the first put; vloop at once, naming the value).
 * @example
 * const q = new Queue<number>(1);
 * yield* q.put(1);
 * const item = yield* q.get();
 */
export class Queue<T> extends LoopBound {
  /** @internal */ readonly _maxsize: number;
  /** @internal */ readonly _getters = new Deque<Future<void>>();
  /** @internal */ readonly _putters = new Deque<Future<void>>();
  /** @internal */ _unfinishedTasks = 0;
  /** @internal shutdown() was called */ _isShutdown = false;
  /** @internal */ readonly _finished = new Event();
  /** @internal what a get() from this queue is in traces and reports, when the queue is asCompleted()'s own */
  _reportAs: (WaitSource & { readonly _waitLabel: string }) | null = null;

  constructor(maxsize?: number);
  constructor(maxsize = 0, extra?: unknown) {
    super();
    if (extra !== undefined) throw extraArgument(`${new.target.name}()`, "one argument, maxsize", extra);
    if (typeof maxsize !== "number") {
      throw new TypeError(`${new.target.name}: maxsize must be a number (got ${showTyped(maxsize)}); use 0 for unbounded`);
    }
    this._maxsize = maxsize;
    this._finished.set();
    // join() waits on this event: traces and reports call that wait Queue.join()
    this._finished._reportAs = { _waitLabel: "Queue.join()", _waitInfo: (fut) => this._joinInfo(fut) };
    this._init();
  }

  /** @internal for deadlock reports: "Queue#1.join() (1 unfinished item, 1 in the queue)" */
  _joinInfo(fut: Future<unknown>): WaitInfo {
    const unfinished = plural(this._unfinishedTasks, "unfinished item");
    return { text: `${reportName(fut._loop, this)}.join() (${unfinished}, ${this.qsize()} in the queue)`, edges: NO_EDGES };
  }

  /** @internal for deadlock reports: "Queue#1.get() (empty)", "Queue#1.put() (full, maxsize 2)" */
  _getPutInfo(fut: Future<unknown>, putting: boolean): WaitInfo {
    if (!putting && this._reportAs !== null) return this._reportAs._waitInfo(fut);
    const name = reportName(fut._loop, this);
    // a deadlocked getter finds the queue empty, a putter full; anything else says the numbers
    const state =
      putting && this.full()
        ? `full, maxsize ${this._maxsize}`
        : !putting && this.empty()
          ? "empty"
          : `qsize ${this.qsize()}, maxsize ${this._maxsize}`;
    return { text: `${name}.${putting ? "put" : "get"}() (${state})`, edges: NO_EDGES };
  }

  /** @internal storage hooks, overridden by PriorityQueue and LifoQueue */
  protected _init(): void {
    this._items = new Deque<T>();
  }
  /** @internal */ protected _items: Deque<T> | T[] = [];
  /** @internal */
  protected _get(): T {
    return (this._items as Deque<T>).shift();
  }
  /** @internal */
  protected _put(item: T): void {
    (this._items as Deque<T>).push(item);
  }

  /** @internal Ordering: wake the first waiter that is not done yet. */
  _wakeupNext(waiters: Deque<Future<void>>): void {
    while (waiters.length > 0) {
      const waiter = waiters.shift();
      if (!waiter.done()) {
        waiter.setResult(undefined);
        break;
      }
    }
  }

  /** Number of items. Mirrors Queue.qsize(). */
  qsize(): number {
    return this._items.length;
  }

  /** Mirrors Queue.maxsize. */
  get maxsize(): number {
    return this._maxsize;
  }

  /** Mirrors Queue.empty(). */
  empty(): boolean {
    return this._items.length === 0;
  }

  /** Mirrors Queue.full(): never full when maxsize <= 0 (or NaN), else full when qsize() >= maxsize. */
  full(): boolean {
    return this._maxsize > 0 && this.qsize() >= this._maxsize;
  }

  /**
   * Puts an item, waiting while the queue is full. Mirrors Queue.put().
   * @throws QueueShutDown once the queue is shut down (a put waiting then is woken with it);
   *   TypeError for a second argument (asyncio's Queue.put takes no timeout).
   */
  put(item: T): CoroutineObject<void>;
  put(item: T, extra?: unknown): CoroutineObject<void> {
    if (extra !== undefined) throw noTimeout("Queue.put(item)", extra, "one argument, the item");
    return new QueueWait<T, void>(this, true, item);
  }

  /**
   * Puts an item at once. Mirrors Queue.put_nowait().
   * @throws QueueShutDown if the queue was shut down; QueueFull if it is full.
   */
  putNowait(item: T): void {
    if (this._isShutdown) throw new QueueShutDown(); // (no message, as in CPython)
    if (this.full()) throw new QueueFull(); // CPython raises it without a message
    this._put(item);
    this._unfinishedTasks++;
    this._finished.clear();
    this._wakeupNext(this._getters);
  }

  /**
   * Removes and returns an item, waiting while the queue is empty. Mirrors Queue.get().
   * @throws QueueShutDown when the queue is shut down and empty (a get waiting then is woken with it);
   *   TypeError for an argument (asyncio's Queue.get takes no timeout).
   */
  get(): CoroutineObject<T>;
  get(extra?: unknown): CoroutineObject<T> {
    if (extra !== undefined) throw noTimeout("Queue.get()", extra);
    return new QueueWait<T, T>(this, false, undefined);
  }

  /**
   * Removes and returns an item at once. Mirrors Queue.get_nowait().
   * @throws QueueEmpty if the queue is empty; QueueShutDown instead if it was shut down too.
   */
  getNowait(): T {
    if (this.empty()) {
      if (this._isShutdown) throw new QueueShutDown();
      throw new QueueEmpty(); // CPython raises it without a message
    }
    const item = this._get();
    this._wakeupNext(this._putters);
    return item;
  }

  /**
   * Marks one got item as processed. Mirrors Queue.task_done().
   * @throws ValueError if called more times than items were put.
   */
  taskDone(): void {
    if (this._unfinishedTasks <= 0) throw new ValueError("task_done() called too many times");
    this._unfinishedTasks--;
    if (this._unfinishedTasks === 0) this._finished.set();
  }

  /**
   * Waits until every item put has been marked done. Mirrors Queue.join().
   * @throws TypeError for an argument (asyncio's Queue.join takes no timeout).
   */
  join(): CoroutineObject<void>;
  join(extra?: unknown): CoroutineObject<void> {
    if (extra !== undefined) throw noTimeout("Queue.join()", extra);
    return new GenCoroutine(() => this._joinBody(), "Queue.join()");
  }

  /** @internal */
  *_joinBody(): Generator<unknown, void, unknown> {
    if (this._unfinishedTasks > 0) yield* this._finished.wait();
  }

  /**
   * Shuts the queue down (Python 3.13's Queue.shutdown): from now on put()
   * and putNowait() throw QueueShutDown, and get() and getNowait() throw it
   * once the queue is empty; every put() and get() waiting now is woken to
   * find that out. With `immediate`, the items left are dropped at once, each
   * counted as done (so join() may return), and gets throw at once.
   * Shutting down again does nothing more (an immediate one still drops).
   * @example
   * queue.shutdown(); // workers drain what is left, then their get() throws QueueShutDown
   */
  shutdown(immediate?: boolean): void;
  shutdown(immediate = false, extra?: unknown): void {
    if (extra !== undefined) throw extraArgument("Queue.shutdown()", "one argument, immediate", extra);
    if (typeof immediate !== "boolean") throw new TypeError(`Queue.shutdown: immediate must be a boolean (got ${showTyped(immediate)})`);
    this._isShutdown = true;
    if (immediate) {
      while (!this.empty()) {
        this._get();
        if (this._unfinishedTasks > 0) this._unfinishedTasks--;
      }
      if (this._unfinishedTasks === 0) this._finished.set();
    }
    // Ordering: every getter, then every putter, in line order, is woken to re-check.
    for (const waiters of [this._getters, this._putters]) {
      while (waiters.length > 0) {
        const waiter = waiters.shift();
        if (!waiter.done()) waiter.setResult(undefined);
      }
    }
  }

  /**
   * asyncio's repr, without the address (so also its str(); see
   * util/asyncioRepr.ts): maxsize, the items in storage order, waiting
   * getters and putters, unfinished tasks. Mirrors Queue.__repr__ and _format().
   * @example String(q); // "<Queue maxsize=2 _queue=[1, 2] _putters[1] tasks=2>"
   */
  override toString(): string {
    return `<${pyTypeName(this)} ${this._format()}>`;
  }

  /** @internal Queue._format */
  _format(): string {
    let result = `maxsize=${pyRepr(this._maxsize)}`;
    const items = this._items;
    if (items.length > 0) result += ` _queue=${pyRepr(Array.isArray(items) ? items : Array.from(items))}`;
    if (this._getters.length > 0) result += ` _getters[${this._getters.length}]`;
    if (this._putters.length > 0) result += ` _putters[${this._putters.length}]`;
    if (this._unfinishedTasks) result += ` tasks=${this._unfinishedTasks}`;
    if (this._isShutdown) result += " shutdown";
    return result;
  }
}
setPyName(Queue, "Queue");

/**
 * A queue that returns the smallest item first, in heapq's order: items
 * compare like Python values (arrays like tuples), and equal items do NOT
 * come out in insertion order. Mirrors asyncio.PriorityQueue.
 * @example
 * const q = new PriorityQueue<[number, string]>();
 * q.putNowait([2, "b"]); q.putNowait([1, "a"]);
 * q.getNowait(); // [1, "a"]
 */
export class PriorityQueue<T> extends Queue<T> {
  protected override _init(): void {
    this._items = [];
  }
  protected override _put(item: T): void {
    heappush(this._items as T[], item);
  }
  protected override _get(): T {
    return heappop(this._items as T[]);
  }
}

setPyName(PriorityQueue, "PriorityQueue");

/** A queue that returns the newest item first. Mirrors asyncio.LifoQueue. */
export class LifoQueue<T> extends Queue<T> {
  protected override _init(): void {
    this._items = [];
  }
  protected override _put(item: T): void {
    (this._items as T[]).push(item);
  }
  protected override _get(): T {
    return (this._items as T[]).pop() as T;
  }
}
setPyName(LifoQueue, "LifoQueue");

/**
 * `queue.get()` / `queue.put(item)` as one hand-written coroutine (the hot
 * path of every producer and consumer), step for step asyncio's:
 *
 *     while self.empty():            # or self.full() for put
 *         getter = create_future(); self._getters.append(getter)
 *         try: await getter
 *         except: getter.cancel(); remove it; pass the wake-up on; raise
 *     return self.get_nowait()       # or self.put_nowait(item)
 *
 * Ordering: a woken getter that finds the queue empty again (another task
 * took the item) goes back in line at the tail.
 */
class QueueWait<T, R> extends CoroutineObject<R> implements Iterator<unknown, R, unknown>, WaitSource {
  private waiter: WaiterFuture<void> | null = null;

  constructor(
    private readonly queue: Queue<T>,
    private readonly putting: boolean,
    private readonly item: T | undefined,
  ) {
    super();
  }

  describe(): string {
    return this.putting ? "Queue.put()" : "Queue.get()";
  }

  protected _iterator(): Iterator<unknown, R, unknown> {
    return this;
  }

  private blocked(): boolean {
    return this.putting ? this.queue.full() : this.queue.empty();
  }

  next(): IteratorResult<unknown, R> {
    const queue = this.queue;
    const woken = this.waiter;
    if (woken !== null) {
      this.waiter = null;
      if (woken._state === PENDING) throw new RuntimeError(`await wasn't used with future ${woken._repr()}`);
      woken.result();
    }
    if (this.blocked()) {
      // 3.13: a shut-down queue that would block puts (or, empty, gets) raises instead
      if (queue._isShutdown) throw new QueueShutDown();
      const as = this.putting ? null : queue._reportAs;
      const waiter = new WaiterFuture<void>(queue._getLoop(), as === null ? this.describe() : as._waitLabel, this);
      (this.putting ? queue._putters : queue._getters).push(waiter);
      this.waiter = waiter;
      markBlocking(waiter);
      return iterResult(false, waiter);
    }
    if (this.putting) {
      queue.putNowait(this.item as T);
      return iterResult(true, undefined);
    }
    return iterResult(true, queue.getNowait());
  }

  /** @internal for deadlock reports (see Queue._getPutInfo) */
  _waitInfo(fut: Future<unknown>): WaitInfo {
    return this.queue._getPutInfo(fut, this.putting);
  }

  /** The `except:` clause: a cancelled (or failed) wait passes the wake-up on. */
  private abandon(): void {
    const waiter = this.waiter;
    this.waiter = null;
    if (waiter === null) return;
    const queue = this.queue;
    const waiters = this.putting ? queue._putters : queue._getters;
    waiter.cancel(); // just in case it is not done yet
    removeFromDeque(waiters, waiter);
    if (!this.blocked() && !waiter.cancelled()) queue._wakeupNext(waiters);
  }

  throw(error: unknown): IteratorResult<unknown, R> {
    this.abandon();
    throw error;
  }

  /** Python's bare `except:` also runs when the coroutine is closed. */
  return(value: R): IteratorResult<unknown, R> {
    this.abandon();
    return iterResult(true, value);
  }
}
