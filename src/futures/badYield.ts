/**
 * A generator task handed the loop something that is not an awaitable: the
 * error, naming the task, the value and what to write instead.
 *
 * In generator style a coroutine awaits with `yield* awaitable`; what the
 * awaitable yields goes to the task. Three mistakes reach the task (or fail
 * on the way) instead:
 * - `yield x` (a bare yield of a value): the task gets x. asyncio calls this
 *   `RuntimeError: Task got bad yield: x` and throws it back in; so does vloop.
 * - `yield* [a, b]` (an array, or another collection): the task gets its
 *   items one by one. The bad-yield error thrown back in then meets the
 *   array's iterator, which has no throw(), and JavaScript replaces it with
 *   "The iterator does not provide a 'throw' method"; the task reports the
 *   bad yield instead.
 * - `yield* promise`: JavaScript throws "... is not iterable" at the yield*
 *   itself, before vloop sees anything. If the task dies of it, its error
 *   says what to write instead (the original is its `cause`).
 */
import { RuntimeError } from "../errors.js";
import { showValue } from "../util/showValue.js";

/** The bad-yield errors vloop made (to recognise them when thrown back in). */
const badYields = new WeakSet<object>();
/** The errors already explained here (a task re-raising another's must not explain it twice). */
const explained = new WeakSet<object>();

const AWAITABLES = "futures, tasks, sleep(), gather(), locks, queues, ...";

function isThenable(x: unknown): boolean {
  return x !== null && (typeof x === "object" || typeof x === "function") && typeof (x as PromiseLike<unknown>).then === "function";
}

/** What to write instead of yielding `value` to the task. */
function hint(value: unknown): string {
  if (isThenable(value)) {
    return (
      `a Promise in a generator task: yield* only vloop awaitables (${AWAITABLES}); ` +
      `a Promise belongs in an async function task: createTask(async () => { await p; })`
    );
  }
  if (typeof value === "function") {
    return (
      `a function is not an awaitable: to run it as a task and wait for it, write yield* createTask(fn) ` +
      `(or yield* gather(fn, ...)); a generator function's call can be delegated to directly: yield* fn()`
    );
  }
  return (
    `a generator coroutine must only yield* awaitables (${AWAITABLES}). ` +
    `\`yield x\` hands x itself to the loop, and \`yield* [a, b]\` hands it the array's items one by one; ` +
    `to await several awaitables, write yield* gather(...items)`
  );
}

/**
 * asyncio's `RuntimeError: Task got bad yield: <value>`, naming the task and
 * saying what to write instead.
 */
export function badYieldError(taskRepr: string, value: unknown): RuntimeError {
  const error = new RuntimeError(`Task got bad yield: ${showValue(value)} (in ${taskRepr}): ${hint(value)}`);
  badYields.add(error);
  return error;
}

/**
 * The error a generator raised when a bad-yield error was thrown into it:
 * the bad-yield error itself if JavaScript replaced it on the way (the
 * delegate of a `yield*` over an array has no throw()), else `raised`.
 */
export function keepBadYield(thrownIn: unknown, raised: unknown): unknown {
  if (
    thrownIn !== raised &&
    raised instanceof TypeError &&
    thrownIn !== null &&
    typeof thrownIn === "object" &&
    badYields.has(thrownIn) &&
    /does not provide a 'throw' method/.test(raised.message)
  ) {
    return thrownIn;
  }
  return raised;
}

/**
 * The error a generator task dies of: JavaScript's "x is not iterable" (most
 * likely from `yield* promise` or `yield* value`) gets what to write instead,
 * with the original as its cause; anything else is returned as it is.
 */
export function explainNotIterable(error: unknown, taskName: string): unknown {
  if (!(error instanceof TypeError) || !/is not iterable/.test(error.message) || explained.has(error)) return error;
  const better = new TypeError(
    `${error.message} (in task ${taskName}). If it was \`yield* x\`: in a generator task, yield* only vloop awaitables ` +
      `(${AWAITABLES}); a Promise belongs in an async function task (createTask(async () => { await p; })), ` +
      `and a plain value needs no yield*`,
    { cause: error },
  );
  explained.add(better);
  return better;
}
