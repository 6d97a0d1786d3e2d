/**
 * What a task can run, and the errors for what it cannot.
 *
 * asyncio asks `iscoroutine(x)`; JavaScript has no coroutine type, so vloop
 * takes a coroutine to be:
 * - a function (a thunk: called at the task's first step; a generator
 *   function or an async function, or any zero-argument function returning
 *   a generator or a promise), but not an async generator function;
 * - a coroutine object: a generator object, one of vloop's lazy awaitables
 *   (sleep(), lock.acquire(), ...), or any other iterator or iterable, but
 *   not a collection (an array, a set, a map, a typed array: iterating one
 *   yields its items, which are not awaitables) and not an async iterator.
 *
 * The two refusals matter because both used to fail badly: an async
 * generator's next() returns a promise, which a task stepping it took for a
 * bare yield and stepped again, forever; an array's items reached the task
 * as "bad yields" naming the item, not the mistake. asyncio refuses both
 * with `TypeError: a coroutine was expected, got ...`.
 *
 * These checks run where a coroutine enters (createTask, gather, ...), once
 * per task; the step loop never repeats them.
 */
import { showValue } from "../util/showValue.js";

type CoroIterator = Iterator<unknown, unknown, unknown>;

const AsyncGeneratorFunctionProto = Object.getPrototypeOf(async function* () {});

/** An `async function*` (calling it makes an async generator, not a coroutine). */
export function isAsyncGeneratorFunction(fn: Function): boolean {
  return Object.getPrototypeOf(fn) === AsyncGeneratorFunctionProto;
}

/** %GeneratorPrototype%: the prototype of every generator function's `prototype`. */
const GeneratorPrototype: object = Object.getPrototypeOf(Object.getPrototypeOf((function* () {})()));

/**
 * A generator object made by a generator function (its prototype's prototype
 * is %GeneratorPrototype%): the common coroutine object, told apart by two
 * prototype reads. The general checks below read `next`, Symbol.asyncIterator
 * and Symbol.iterator, property loads that every generator function's own
 * object layout makes megamorphic (measured: 4.6% of an explored network run).
 */
function isGeneratorObject(x: object): boolean {
  const proto = Object.getPrototypeOf(x);
  return proto !== null && Object.getPrototypeOf(proto) === GeneratorPrototype;
}

/** An async generator object, or any async iterable that is not also iterable. */
export function isAsyncIterator(x: object): boolean {
  return typeof (x as AsyncIterable<unknown>)[Symbol.asyncIterator] === "function" && typeof (x as Iterable<unknown>)[Symbol.iterator] !== "function";
}

/** An array, set, map, typed array or String object: iterable, but its items are data, not awaits. */
export function isCollection(x: object): boolean {
  return Array.isArray(x) || x instanceof Set || x instanceof Map || ArrayBuffer.isView(x) || x instanceof String;
}

/**
 * A coroutine object (see the module comment): something with next() that
 * is not an async iterator, or an iterable that is not a collection.
 */
export function isCoroutineObject(x: unknown): x is object {
  if (x === null || typeof x !== "object") return false;
  if (isGeneratorObject(x)) return true;
  // a generator object (the common case), or a hand-written coroutine; an async generator also has next()
  if (typeof (x as { next?: unknown }).next === "function") return !isAsyncIterator(x);
  return typeof (x as { [Symbol.iterator]?: unknown })[Symbol.iterator] === "function" && !isCollection(x);
}

/**
 * The iterator a task steps for the coroutine object `x`, or null when `x`
 * is not one. Calls `x[Symbol.iterator]()` at most once.
 */
export function coroutineIterator(x: unknown): CoroIterator | null {
  if (x !== null && typeof x === "object" && isGeneratorObject(x)) return x as CoroIterator;
  if (!isCoroutineObject(x)) return null;
  return typeof (x as { next?: unknown }).next === "function" ? (x as CoroIterator) : ((x as Iterable<unknown>)[Symbol.iterator]() as CoroIterator);
}

/** A thenable that cannot be iterated: a Promise, whose body is already running. */
export function isStartedPromise(x: unknown): x is PromiseLike<unknown> {
  return (
    x !== null &&
    typeof x === "object" &&
    typeof (x as PromiseLike<unknown>).then === "function" &&
    typeof (x as Iterable<unknown>)[Symbol.iterator] !== "function"
  );
}

/**
 * What to write instead, for a value that is not a coroutine: a sentence to
 * add to the error, or "" when there is nothing more useful to say.
 */
export function notCoroutineHint(x: unknown, collectionHint = " (to run several awaitables at once: gather(...items))"): string {
  if (typeof x === "function") {
    if (isAsyncGeneratorFunction(x)) {
      return (
        `: an async generator function (async function*) makes async generators, which yield many values and are not coroutines. ` +
        `Write an async function (async () => { ... }) or a generator function (function*) instead`
      );
    }
    return "";
  }
  if (x === null || typeof x !== "object") return "";
  if (isAsyncIterator(x)) {
    return (
      `: an async generator (from an async function*) yields many values and is not a coroutine. ` +
      `Write an async function (async () => { ... }) or a generator function (function*) instead`
    );
  }
  if (isCollection(x)) {
    const what = Array.isArray(x) ? "an array" : x instanceof Set ? "a Set" : x instanceof Map ? "a Map" : "a collection";
    return `: ${what} is not a coroutine${collectionHint}`;
  }
  return "";
}

/**
 * asyncio's `TypeError: a coroutine was expected, got X` (create_task), with
 * what to write instead.
 * @example throw coroutineExpected("createTask", [1, 2]);
 */
export function coroutineExpected(what: string, x: unknown): TypeError {
  return new TypeError(`${what}: a coroutine was expected, got ${showValue(x)}${notCoroutineHint(x)}`);
}

/**
 * asyncio's `TypeError: An asyncio.Future, a coroutine or an awaitable is
 * required` (ensure_future, gather, shield, as_completed), naming the value
 * and what to write instead (`collectionHint` replaces the hint for an array
 * or another collection).
 */
export function awaitableRequired(what: string, x: unknown, collectionHint?: string): TypeError {
  return new TypeError(`${what}: An asyncio.Future, a coroutine or an awaitable is required (got ${showValue(x)})${notCoroutineHint(x, collectionHint)}`);
}

/**
 * @internal A started async body that vloop refused (a Promise passed where a
 * coroutine was expected, or an async body in a generator task): it runs on
 * with no task to drive it and fails at its next vloop await. That failure
 * belongs to the error already reported, so keep it from surfacing as an
 * unhandled rejection, which would end the whole process.
 */
export function quietRefused(promise: PromiseLike<unknown>): void {
  promise.then(undefined, () => undefined);
}

/** The error for a promise passed where a coroutine is expected. */
export function startedPromiseError(what: string): TypeError {
  return new TypeError(
    `${what}: got a Promise, which is already running, where a coroutine was expected. ` +
      `Pass the async function call as a zero-argument function instead: ` +
      `${what}(() => work(x)) rather than ${what}(work(x))`,
  );
}
