/**
 * asyncWith(): the one TypeScript form of Python's `async with`.
 *
 *   async with lock:            ->  yield* asyncWith(lock, function* () { ... })
 *   async with timeout(1) as t: ->  await asyncWith(timeout(1), async (t) => { ... })
 *   async with TaskGroup() as tg -> await asyncWith(new TaskGroup(), async (tg) => { ... })
 *
 * The body runs inline in the calling task (no new task, no extra loop
 * iteration), between the manager's `aenter()` and `aexit()`, with Python's
 * semantics: `aexit` sees the body's exception and may swallow it (return
 * true) or raise another one (a timeout turns CancelledError into
 * TimeoutError; a TaskGroup raises an ExceptionGroup).
 */
import { RuntimeError } from "../errors.js";
import { type Body, type CoroutineObject, GenCoroutine, callBody } from "../futures/coroutine.js";
import { showValue } from "../util/showValue.js";

/** An async context manager: `__aenter__` and `__aexit__` as generator methods. */
export interface AsyncContextManager<V> {
  /** `__aenter__`: its return value is passed to the body. */
  aenter(): Generator<unknown, V, unknown>;
  /** `__aexit__`: `exc` is the body's error (undefined when none); return true to swallow it. */
  aexit(exc: unknown): Generator<unknown, boolean | void, unknown>;
}

function* asyncWithGen<V, R>(cm: AsyncContextManager<V>, body: Body<V, R>): Generator<unknown, R | undefined, unknown> {
  const value = yield* cm.aenter();
  let result: R;
  try {
    result = yield* callBody(body, value);
  } catch (error) {
    const exc = error === undefined ? new RuntimeError("the body of asyncWith threw undefined") : error;
    if (!(yield* cm.aexit(exc))) throw exc;
    return undefined;
  }
  yield* cm.aexit(undefined);
  return result;
}

/**
 * Runs `body` inside the async context manager `cm`. Mirrors Python's `async with`.
 * The body may be a generator function (generator style) or an async function
 * (async style); it receives what `cm.aenter()` returned, and asyncWith returns
 * what the body returned (undefined if aexit swallowed an error).
 * @throws whatever the body throws, unless aexit swallows it; what aexit throws.
 * @example
 * yield* asyncWith(lock, function* () { yield* sleep(1); });
 * const r = await asyncWith(timeout(1), async (cm) => await work());
 */
export function asyncWith<V, R>(cm: AsyncContextManager<V>, body: Body<V, R>): CoroutineObject<R> {
  if (cm === null || typeof cm !== "object" || typeof cm.aenter !== "function" || typeof cm.aexit !== "function") {
    throw new TypeError(`asyncWith: expected an async context manager (with aenter() and aexit()), got ${showValue(cm)}`);
  }
  if (typeof body !== "function") {
    throw new TypeError(`asyncWith: the body must be a function (got ${typeof body})`);
  }
  return new GenCoroutine(() => asyncWithGen(cm, body), "asyncWith") as CoroutineObject<R>;
}
