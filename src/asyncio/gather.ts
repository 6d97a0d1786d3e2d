/**
 * gather(): asyncio.gather, rule for rule (3.12).
 *
 * - Coroutines become tasks at the call, in argument order; the same
 *   argument given twice is one child whose result appears twice.
 * - Results come in argument order, whatever the completion order.
 * - Without returnExceptions the first failing (or cancelled) child fails the
 *   gather at once; the other children are NOT cancelled and run on.
 * - Cancelling the gather cancels every child; the gather then fails with
 *   CancelledError when the last child is done.
 * - gather() with nothing returns a future already done with [].
 * Ordering: each child reports through its own done callback, so results are
 * collected one iteration after the last child finishes.
 */
import { CancelledError } from "../errors.js";
import type { EventLoop } from "../futures/eventLoop.js";
import { Future, isFuture } from "../futures/future.js";
import { requireLoop } from "../loop/running.js";
import { type AwaitableInput, ensureFuture } from "./ensureFuture.js";

/** gather(..., { returnExceptions: true }) */
export interface GatherOptions {
  returnExceptions?: boolean;
}

/** asyncio's _GatheringFuture: cancelling it cancels the children. */
export class GatheringFuture<T> extends Future<T> {
  /** @internal */ _cancelRequested = false;

  constructor(
    loop: EventLoop,
    /** @internal */ readonly _children: Future<unknown>[],
  ) {
    super(loop);
  }

  /** @internal for deadlock reports: "gather(3)" */
  override _describe(): string {
    return `gather(${this._children.length})`;
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
}

/** The trailing `{ returnExceptions }`: a plain object, not an awaitable or a coroutine. */
function isOptions(x: unknown): x is GatherOptions {
  if (x === null || typeof x !== "object") return false;
  const proto = Object.getPrototypeOf(x);
  return (proto === Object.prototype || proto === null) && typeof (x as { then?: unknown }).then !== "function";
}

/**
 * Runs awaitables concurrently and returns their results in argument order.
 * Mirrors `asyncio.gather(*aws, return_exceptions=False)`; options go last.
 * @example
 * const [a, b] = yield* gather(work(1), work(2));
 * const all = await gather(() => work(1), () => fails(), { returnExceptions: true });
 */
export function gather<T extends unknown[]>(...aws: [...{ [K in keyof T]: AwaitableInput<T[K]> }]): Future<T>;
export function gather(...args: [...AwaitableInput<unknown>[], GatherOptions]): Future<unknown[]>;
export function gather<T extends unknown[]>(...args: unknown[]): Future<T> {
  let returnExceptions = false;
  let aws = args as AwaitableInput<unknown>[];
  if (args.length > 0 && isOptions(args[args.length - 1])) {
    returnExceptions = !!(args[args.length - 1] as GatherOptions).returnExceptions;
    aws = args.slice(0, -1) as AwaitableInput<unknown>[];
  }
  if (aws.length === 0) {
    const loop = requireLoop("gather()") as EventLoop;
    const outer = loop.createFuture<T>();
    outer.setResult([] as unknown as T);
    return outer;
  }

  const argToFut = new Map<unknown, Future<unknown>>();
  const children: Future<unknown>[] = [];
  const doneFuts: Future<unknown>[] = [];
  let nfuts = 0;
  let nfinished = 0;
  let outer: GatheringFuture<T> | null = null;
  let loop: EventLoop | null = null;

  const doneCallback = (fut: Future<unknown>): void => {
    nfinished++;
    if (outer === null || outer.done()) {
      if (!fut.cancelled()) fut.exception(); // mark it retrieved
      return;
    }
    if (!returnExceptions) {
      if (fut.cancelled()) {
        outer.setException(fut._makeCancelledError());
        return;
      }
      const exc = fut.exception();
      if (exc !== undefined) {
        outer.setException(exc);
        return;
      }
    }
    if (nfinished === nfuts) {
      const results: unknown[] = [];
      for (const child of children) {
        let res: unknown;
        if (child.cancelled()) {
          res = new CancelledError(child._cancelMessage ?? "");
        } else {
          res = child.exception();
          if (res === undefined) res = child.result();
        }
        results.push(res);
      }
      if (outer._cancelRequested) {
        outer.setException(fut._makeCancelledError());
      } else {
        outer.setResult(results as T);
      }
    }
  };

  for (const arg of aws) {
    // The same argument twice is one child (CPython's arg_to_fut dict). A
    // pending future seen before already has this gather's callback last, so
    // only other arguments need the map: gathering many tasks stays cheap.
    if (isFuture(arg) && !arg.done()) {
      if (!arg._lastCallbackIs(doneCallback)) {
        if (loop === null) loop = arg.getLoop() as EventLoop;
        nfuts++;
        arg.addDoneCallback(doneCallback);
      }
      children.push(arg);
      continue;
    }
    let fut = argToFut.get(arg);
    if (fut === undefined) {
      fut = ensureFuture(arg as AwaitableInput<unknown>, "gather");
      if (loop === null) loop = fut.getLoop() as EventLoop;
      nfuts++;
      argToFut.set(arg, fut);
      if (fut.done()) doneFuts.push(fut);
      else fut.addDoneCallback(doneCallback);
    }
    children.push(fut);
  }
  outer = new GatheringFuture<T>(loop as EventLoop, children);
  for (const fut of doneFuts) doneCallback(fut);
  return outer;
}
