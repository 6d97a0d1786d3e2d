/**
 * asyncio's `__repr__`, as vloop prints it: `toString()` of a Future, Task,
 * Lock, Event, Condition, Semaphore, BoundedSemaphore, Barrier, Queue,
 * PriorityQueue, LifoQueue, Timeout and TaskGroup, and what Node's
 * `util.inspect` (and so `console.log`) shows for them.
 *
 * The rule: CPython 3.12's text, less what names Python's memory or code,
 * which a JavaScript program does not have:
 * - the address: `<asyncio.locks.Lock object at 0x7f... [locked]>` prints as
 *   `<asyncio.locks.Lock object [locked]>`, `<Queue at 0x7f... maxsize=0>` as
 *   `<Queue maxsize=0>` (which is also CPython's str() of a queue);
 * - a task's coroutine, `coro=<work() running at prog.py:5>`: left out (a
 *   generator object does not know its function's name, and an async body
 *   has no object vloop could name);
 * - a future's callbacks, `cb=[on_done() at prog.py:4]`: left out (JS
 *   functions have no qualified name or source line, and vloop's internal
 *   callbacks are not named like asyncio's);
 * - a future's creation site in debug mode, `created at prog.py:9`: left out.
 *
 * Everything else is CPython's, field for field: states, `name='...'`,
 * `wait_for=`, `result=` (through reprlib's limits), `exception=`, waiters,
 * values, `maxsize`, `_queue=[...]`, `_getters[n]`, `_putters[n]`,
 * `tasks=n`, a Timeout's `when=` (rounded to 3 places, always a float),
 * a TaskGroup's counts. scenarios/repr/ holds the CPython recordings that
 * check this, with these parts removed from them by the test.
 *
 * What JavaScript values cannot say: a float that is a whole number prints
 * as an int in `result=` (JS cannot tell 2.0 from 2), arrays print as lists
 * (there are no tuples), and a Timeout's `when` always prints as a float
 * (CPython prints `timeout_at(5)`'s as `when=5`). A user's subclass of a lock
 * prints its class name without a module (`<MyLock object [unlocked]>`).
 *
 * A repr is computed when asked for: no object keeps anything for it.
 */

/** The key Node's util.inspect looks for; a string key shared by every realm, so no import of node:util (browsers). */
export const inspectCustom: unique symbol = Symbol.for("nodejs.util.inspect.custom") as never;

/** The Python class names of vloop's classes, by constructor (a subclass a user writes is not here). */
const pyNames = new Map<object, string>();

/**
 * Names a vloop class as asyncio's repr does ("Future", "_GatheringFuture",
 * "asyncio.locks.Lock"). Classes minifiers rename still print right.
 */
export function setPyName(cls: object, name: string): void {
  pyNames.set(cls, name);
}

/** asyncio's `type(x).__name__` (or `module.qualname` for the locks): the registered name, else the JS class name. */
export function pyTypeName(x: object): string {
  const cls = x.constructor;
  return pyNames.get(cls) ?? cls.name;
}

/** object.__repr__ without the address, then asyncio's `[extra]`: `<asyncio.locks.Lock object [locked]>`. */
export function lockRepr(x: object, extra: string): string {
  return `<${pyTypeName(x)} object [${extra}]>`;
}

/** The `, waiters:n` the locks add when anyone waits. */
export function waitersSuffix(waiters: { readonly length: number } | null): string {
  return waiters !== null && waiters.length > 0 ? `, waiters:${waiters.length}` : "";
}
