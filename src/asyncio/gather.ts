/**
 * gather(): asyncio.gather, rule for rule (3.12).
 *
 * - Coroutines become tasks at the call, in argument order; the same
 *   future or coroutine object given twice is one child whose result appears
 *   twice; a function (a thunk) given twice is two calls, two children.
 * - Results come in argument order, whatever the completion order.
 * - Without returnExceptions the first failing (or cancelled) child fails the
 *   gather at once; the other children are NOT cancelled and run on.
 * - Cancelling the gather cancels every child; the gather then fails with
 *   CancelledError when the last child is done.
 * - gather() with nothing returns a future already done with [].
 * Ordering: each child reports through its own done callback, so results are
 * collected one iteration after the last child finishes.
 */
import { CancelledError, withoutStack } from "../errors.js";
import type { EventLoop } from "../futures/eventLoop.js";
import { Future, isFuture, type Waker } from "../futures/future.js";
import { awaitingMany } from "../futures/waitInfo.js";
import type { WaitInfo } from "../loop/deadlockReport.js";
import { Task } from "../futures/task.js";
import { requireEventLoop } from "../loop/running.js";
import { setPyName } from "../util/asyncioRepr.js";
import { type AwaitableInput, futureFor } from "./ensureFuture.js";
import { isCollection, isCoroutineObject, isStartedPromise } from "../futures/coroutineInput.js";
import { showValue } from "../util/showValue.js";
import { checkOptionNames, extraArgument } from "../util/args.js";

/** gather(..., { returnExceptions: true }) */
export interface GatherOptions {
  returnExceptions?: boolean;
}

/**
 * asyncio's _GatheringFuture: cancelling it cancels the children. It also
 * holds what CPython's gather keeps in its closure, and is the children's done
 * callback itself (a Waker: no closure per gather).
 */
export class GatheringFuture<T> extends Future<T> implements Waker {
  // (one field initializer on purpose, see SleepCoroutine; the others are set in the constructor)
  /** @internal */ _cancelRequested = false;
  /** @internal the children in argument order (a duplicate argument appears twice) */ declare readonly _children: Future<unknown>[];
  /** @internal false until gather() returns it: CPython's `outer` is still None before that */ declare _returned: boolean;
  /** @internal distinct children, and how many of them are done */ declare _nfuts: number;
  /** @internal */ declare _nfinished: number;
  private declare readonly _returnExceptions: boolean;

  constructor(loop: EventLoop, returnExceptions: boolean) {
    super(loop);
    this._children = [];
    this._returned = false;
    this._nfuts = 0;
    this._nfinished = 0;
    this._returnExceptions = returnExceptions;
  }

  /** @internal for deadlock reports: "gather(3)" */
  override _describe(): string {
    return `gather(${this._children.length})`;
  }

  /** @internal for deadlock reports: "gather(Task-3, Task-4)", the children not done yet */
  override _awaitedInfo(): WaitInfo {
    return awaitingMany("gather", this._children);
  }

  /** Cancels every child; true if any child was cancelled. */
  override cancel(msg?: string): boolean {
    if (this.done()) return false;
    let ret = false;
    for (const child of this._children) {
      if (child.cancel(msg)) ret = true;
    }
    if (ret) {
      // If any child was cancelled, raise CancelledError when all are done.
      this._cancelRequested = true;
    }
    return ret;
  }

  /**
   * @internal a child is done: call_soon(_done_callback, fut). A finished task
   * is free to be that ready-queue entry itself (as it is for its own steps),
   * which saves a Handle per child; the order is the same.
   */
  _scheduleWake(fut: Future<unknown>): void {
    if (fut instanceof Task) fut._enqueue(doneCallback, this);
    else this._loop._callSoon(doneCallback, 2, fut, this);
  }

  /** @internal CPython's _done_callback(fut), rule for rule */
  _wakeupFrom(fut: Future<unknown>): void {
    this._nfinished++;
    if (!this._returned || this.done()) {
      if (!fut.cancelled()) fut.exception(); // mark it retrieved
      return;
    }
    if (!this._returnExceptions) {
      if (fut.cancelled()) {
        this.setException(fut._makeCancelledError());
        return;
      }
      const exc = fut.exception();
      if (exc !== undefined) {
        this.setException(exc);
        return;
      }
    }
    if (this._nfinished === this._nfuts) {
      // (sized at once, not grown by pushes: fan_out_seed collects 100,000 results here)
      const children = this._children;
      const results: unknown[] = new Array(children.length);
      for (let i = 0; i < children.length; i++) {
        const child = children[i];
        let res: unknown;
        if (child.cancelled()) {
          res = withoutStack(() => new CancelledError(child._cancelMessage ?? ""));
        } else {
          res = child.exception();
          if (res === undefined) res = child.result();
        }
        results[i] = res;
      }
      if (this._cancelRequested) {
        // CPython's `fut` here is its results loop's variable: the last child
        // in argument order, not the child that finished last (its cancel
        // message is the one that shows; scenarios/core/59)
        this.setException(children[children.length - 1]!._makeCancelledError());
      } else {
        this.setResult(results as T);
      }
    }
  }
}
setPyName(GatheringFuture, "_GatheringFuture");

/** The handle callback of a child's completion (traces show it as "callback doneCallback", as before). */
function doneCallback(fut: Future<unknown>, outer: GatheringFuture<unknown>): void {
  outer._wakeupFrom(fut);
}

/** The options gather and gatherAll take. */
const GATHER_OPTIONS = ["returnExceptions"] as const;

/** Up to this many distinct non-future arguments, gather finds duplicates by a scan instead of a Map. */
const SHORT_ARGS = 8;

/** The future made for `arg`, in a list of (argument, future) pairs, or undefined. */
function findFuture(pairs: readonly unknown[], arg: unknown): Future<unknown> | undefined {
  for (let i = 0; i < pairs.length; i += 2) if (pairs[i] === arg) return pairs[i + 1] as Future<unknown>;
  return undefined;
}

/** The trailing `{ returnExceptions }`: a plain object, not an awaitable or a coroutine. */
function isOptions(x: unknown): x is GatherOptions {
  if (x === null || typeof x !== "object") return false;
  const proto = Object.getPrototypeOf(x);
  return (proto === Object.prototype || proto === null) && typeof (x as { then?: unknown }).then !== "function";
}

/** What gather says about an array given as one argument. */
const SPREAD_HINT =
  ": gather takes its awaitables as separate arguments: gather(...items), or gatherAll(items) for an array of any length";
/** What gatherAll says about an array among its items. */
const NESTED_HINT = ": gatherAll takes one array of awaitables (flatten nested arrays first)";

/**
 * Runs awaitables concurrently and returns their results in argument order.
 * Mirrors `asyncio.gather(*aws, return_exceptions=False)`; options go last.
 * The awaitables are separate arguments (a spread of a very long array
 * overflows JavaScript's argument limit, ~100,000: use gatherAll(items) for those).
 * A future or coroutine object given twice is one child whose result appears
 * twice, as in asyncio; a function given twice is called twice (two children).
 * @throws TypeError for an argument that is not an awaitable (an array, an
 *   async generator, a started Promise) or an option other than returnExceptions;
 *   RuntimeError outside a run.
 * @example
 * const [a, b] = yield* gather(work(1), work(2));
 * const all = await gather(() => work(1), () => fails(), { returnExceptions: true });
 */
export function gather<T extends unknown[]>(...aws: [...{ [K in keyof T]: AwaitableInput<T[K]> }]): Future<T>;
export function gather(...args: [...AwaitableInput<unknown>[], GatherOptions]): Future<unknown[]>;
export function gather<T extends unknown[]>(...args: unknown[]): Future<T> {
  let returnExceptions = false;
  let n = args.length;
  if (n > 0 && isOptions(args[n - 1])) {
    checkOptionNames("gather", args[n - 1] as object, GATHER_OPTIONS);
    returnExceptions = !!(args[n - 1] as GatherOptions).returnExceptions;
    n--;
  }
  return gatherArray<T>(args, n, returnExceptions, "gather", SPREAD_HINT);
}

/**
 * gather() of an array of awaitables, of any length: `gatherAll(items,
 * options)` is `gather(...items, options)` without JavaScript's limit on the
 * number of arguments (a spread of more than about 100,000 items throws
 * RangeError). Same children, same order, same rules. Mirrors
 * `asyncio.gather(*aws, return_exceptions=False)`.
 * @throws TypeError if `items` is not an array (or a Set) of awaitables, for an
 *   option other than returnExceptions or a third argument; RuntimeError outside a run.
 * @example
 * const results = yield* gatherAll(urls.map((u) => () => fetchIt(u)));
 * const settled = await gatherAll(tasks, { returnExceptions: true });
 */
export function gatherAll<T>(items: Iterable<AwaitableInput<T>>, options?: GatherOptions): Future<T[]>;
export function gatherAll<T>(items: Iterable<AwaitableInput<T>>, options: GatherOptions = {}, extra?: unknown): Future<T[]> {
  if (!isOptions(options)) {
    throw new TypeError(`gatherAll: options must be an object like { returnExceptions: true } (got ${showValue(options)})`);
  }
  if (extra !== undefined) throw extraArgument("gatherAll()", "two arguments, the awaitables and the options", extra);
  checkOptionNames("gatherAll", options, GATHER_OPTIONS);
  let aws: readonly unknown[];
  if (Array.isArray(items)) {
    aws = items;
  } else if (items !== null && typeof items === "object" && isCollection(items)) {
    aws = Array.from(items as Iterable<unknown>);
  } else {
    const one = typeof items === "function" || isFuture(items) || isCoroutineObject(items) || isStartedPromise(items);
    throw new TypeError(
      `gatherAll: items must be an array (or a Set) of awaitables (got ${showValue(items)})` +
        (one ? "; to gather one awaitable, write gather(x)" : ""),
    );
  }
  return gatherArray<T[]>(aws, aws.length, !!options.returnExceptions, "gatherAll", NESTED_HINT);
}

/** gather() of the first `n` items of `aws` (never spread: `aws` may be of any length). */
function gatherArray<T>(aws: readonly unknown[], n: number, returnExceptions: boolean, what: string, collectionHint: string): Future<T> {
  if (n === 0) {
    const loop = requireEventLoop(`${what}()`) as EventLoop;
    const outer = loop.createFuture<T>();
    outer.setResult([] as unknown as T);
    return outer;
  }

  // The gathering future holds the state CPython keeps in gather's closure; it
  // is made with the first child (it needs that child's loop) and counts as
  // returned only at the end, as CPython's `outer` is None until then.
  let outer: GatheringFuture<T> | null = null;
  // CPython's arg_to_fut, for arguments that are not pending futures: a short
  // list of (argument, future) pairs scanned by identity, a Map once it is long.
  let argList: unknown[] | null = null;
  let argToFut: Map<unknown, Future<unknown>> | null = null;
  let doneFuts: Future<unknown>[] | null = null;

  for (let i = 0; i < n; i++) {
    const arg = aws[i];
    // The same argument twice is one child (CPython's arg_to_fut dict). A
    // pending future seen before already has this gather last among its
    // callbacks, so only other arguments need the map: gathering many tasks stays cheap.
    if (isFuture(arg) && !arg.done()) {
      if (outer === null) outer = new GatheringFuture<T>(arg.getLoop() as EventLoop, returnExceptions);
      if (!arg._lastCallbackIs(outer)) {
        outer._nfuts++;
        arg._addWaker(outer);
      }
      outer._children.push(arg);
      continue;
    }
    // A function is a call still to be made, not a coroutine object: each
    // time it is given, it makes its own coroutine and its own child.
    const once = typeof arg !== "function";
    let fut: Future<unknown> | undefined = !once ? undefined : argToFut !== null ? argToFut.get(arg) : argList !== null ? findFuture(argList, arg) : undefined;
    if (fut === undefined) {
      fut = futureFor(arg as AwaitableInput<unknown>, what, collectionHint);
      if (outer === null) outer = new GatheringFuture<T>(fut.getLoop() as EventLoop, returnExceptions);
      outer._nfuts++;
      if (once) {
        if (argToFut !== null) argToFut.set(arg, fut);
        else if (argList === null) argList = [arg, fut];
        else if (argList.length < 2 * SHORT_ARGS) argList.push(arg, fut);
        else {
          argToFut = new Map();
          for (let j = 0; j < argList.length; j += 2) argToFut.set(argList[j], argList[j + 1] as Future<unknown>);
          argToFut.set(arg, fut);
        }
      }
      if (fut.done()) (doneFuts ??= []).push(fut);
      else fut._addWaker(outer);
    }
    outer!._children.push(fut);
  }
  const gathering = outer!;
  gathering._returned = true;
  if (doneFuts !== null) for (const fut of doneFuts) gathering._wakeupFrom(fut);
  return gathering;
}
