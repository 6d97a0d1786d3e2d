/**
 * CoroutineObject: a lazy awaitable written in generator style (what
 * `wait()`, `waitFor()`, `asyncWith()`, `lock.acquire()` and other composite
 * awaitables return), usable from both coroutine styles, like a Python
 * coroutine object: nothing happens until it is awaited, and it can be
 * awaited once.
 *   generator style: `yield* sleep(1)` iterates it;
 *   async style:     `await sleep(1)` calls then(), which drives it inline
 *                    for the awaiting task (no extra task, no extra iteration).
 * createTask()/gather() accept it as a coroutine, as asyncio does.
 */
import { RuntimeError } from "../errors.js";
import { currentLoop } from "../loop/running.js";
import { madeInEndedRun, misuse } from "./future.js";
import type { BaseEventLoop } from "../loop/baseEventLoop.js";
import { InlinePromise } from "./inline.js";
import { driveInline } from "./driveInline.js";
import { coroutineIterator, isAsyncGeneratorFunction, isAsyncIterator, notCoroutineHint } from "./coroutineInput.js";
import { showValue } from "../util/showValue.js";
import type { Task } from "./task.js";

/**
 * A lazy awaitable usable as `yield* c` and `await c`, awaited at most once;
 * like a Python coroutine object.
 * @example const c = lock.acquire(); // nothing happens yet
 * yield* c;                            // now it runs, inline in this task
 */
export abstract class CoroutineObject<T> implements PromiseLike<T> {
  // (fields set in the constructor, not by initializers: see Future's constructor)
  private declare _awaited: boolean;
  /** @internal the running loop when it was made, if any (see madeInEndedRun) */
  declare readonly _loop: BaseEventLoop | null;

  constructor() {
    this._awaited = false;
    this._loop = currentLoop();
  }

  /** The coroutine's iterator (called once). */
  protected abstract _iterator(): Iterator<unknown, T, unknown>;

  /** A short name for messages, e.g. "sleep(1)". */
  abstract describe(): string;

  /** @internal what this is, for error messages (Python's `<coroutine object f at 0x...>`) */
  _repr(): string {
    return `<coroutine object ${this.describe()}>`;
  }

  /** Generator style: `const v = yield* coro`. */
  [Symbol.iterator](): Generator<unknown, T, unknown> {
    if (this._awaited) throw new RuntimeError(`cannot reuse already awaited coroutine ${this.describe()}`);
    this._awaited = true;
    return this._iterator() as Generator<unknown, T, unknown>;
  }

  /** Async style: `const v = await coro`, inside a task's async function. */
  then<A = T, B = never>(
    onFulfilled?: ((value: T) => A | PromiseLike<A>) | null,
    onRejected?: ((reason: unknown) => B | PromiseLike<B>) | null,
  ): PromiseLike<A | B> {
    return awaitCoroutine(this, onFulfilled, onRejected) as PromiseLike<A | B>;
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Settle = ((v: any) => unknown) | null | undefined;

/**
 * @internal `await coro` in an async body: drive the coroutine inline for the
 * awaiting task (like awaiting a Python coroutine object: no task, no
 * extra iteration). Outside a task it is an error.
 */
export function awaitCoroutine(
  coro: { [Symbol.iterator](): Iterator<unknown>; describe(): string; readonly _loop: BaseEventLoop | null },
  ok: Settle,
  err: Settle,
): PromiseLike<unknown> | undefined {
  const loop = currentLoop();
  const waiter = loop === null ? null : (loop._asyncWaiter as Task<unknown> | null);
  if (waiter !== null) {
    const made = coro._loop;
    if (made !== null && made !== loop && made._closed) {
      // Not the waiter's await: a body of a run that is over.
      if (err) err(madeInEndedRun(coro.describe()));
      return undefined;
    }
    let it: Iterator<unknown>;
    try {
      it = coro[Symbol.iterator]();
    } catch (error) {
      if (err) err(error);
      return undefined;
    }
    driveInline(waiter, it as Iterator<unknown, unknown, unknown>, ok, err, undefined);
    return undefined;
  }
  if (loop !== null && loop._resumePending !== null) throw misuse(loop, coro.describe());
  const error = new RuntimeError(
    `${coro.describe()} was awaited outside a vloop task; await it inside a coroutine run by run() or createTask()`,
  );
  return Promise.reject(error).then(ok, err);
}

/**
 * @internal Iterator results are read at once by whoever called next() (the
 * task, or a yield* passing it through), so one mutable object serves every
 * hand-written coroutine: no allocation per step, and nothing retained by a
 * suspended generator.
 */
const RESULT: { done: boolean; value: unknown } = { done: false, value: undefined };
export function iterResult<T>(done: boolean, value: unknown): IteratorResult<unknown, T> {
  RESULT.done = done;
  RESULT.value = value;
  return RESULT as IteratorResult<unknown, T>;
}

/** A CoroutineObject made from a generator function (one call, one generator). */
export class GenCoroutine<T> extends CoroutineObject<T> {
  constructor(
    private readonly make: () => Iterator<unknown, T, unknown>,
    private readonly name: string,
  ) {
    super();
  }

  protected _iterator(): Iterator<unknown, T, unknown> {
    return this.make();
  }

  describe(): string {
    return this.name;
  }
}

/**
 * Turns a generator function into a function returning lazy awaitables that
 * work in both styles (`yield* f(x)` and `await f(x)`), like a Python
 * `async def`. vloop's own composite awaitables are written this way.
 * @throws TypeError if `fn` is not a generator function (an async generator function, say).
 * @example
 * const double = coroutine(function* (x: number) { yield* sleep(1); return 2 * x; });
 * await double(21); // or: yield* double(21)
 */
export function coroutine<A extends unknown[], T>(
  fn: (...args: A) => Generator<unknown, T, unknown>,
  name?: string,
): (...args: A) => CoroutineObject<T> {
  if (typeof fn !== "function" || isAsyncGeneratorFunction(fn)) {
    // (an async generator's next() returns a promise: stepped as a generator, it would spin forever)
    throw new TypeError(`coroutine: a generator function (function*) is required (got ${showValue(fn)})${notCoroutineHint(fn)}`);
  }
  const shown = name ?? (fn.name || "coroutine");
  return (...args: A) => new GenCoroutine<T>(() => fn(...args), shown);
}


/** The body of `asyncWith` and similar: a generator function, an async function, or a plain function. */
export type Body<V, R> = (value: V) => Generator<unknown, R, unknown> | PromiseLike<R> | Iterable<unknown> | R;

/**
 * @internal Runs `body(value)` inline in the awaiting task, as Python's
 * `async with` runs its block: a generator is delegated to, an awaitable is
 * awaited, an async function's promise is awaited through InlinePromise.
 */
export function* callBody<V, R>(body: Body<V, R>, value: V): Generator<unknown, R, unknown> {
  const made = body(value) as unknown;
  if (made !== null && typeof made === "object") {
    const it = coroutineIterator(made);
    if (it !== null) return (yield* { [Symbol.iterator]: () => it }) as R;
    if (typeof (made as PromiseLike<R>).then === "function") {
      return (yield new InlinePromise(made as PromiseLike<R>)) as R;
    }
    if (isAsyncIterator(made)) {
      throw new TypeError(`the body ${showValue(body)} returned ${showValue(made)}${notCoroutineHint(made)}`);
    }
  }
  return made as R; // a plain value (an array too): the body was a plain function
}
