/**
 * shield(): asyncio.shield. The returned outer future can be cancelled
 * without cancelling the inner work, which goes on and finishes.
 */
import { type Future, WaiterFuture } from "../futures/future.js";
import { awaitingMany } from "../futures/waitInfo.js";
import { type AwaitableInput, futureFor } from "./ensureFuture.js";
import { extraArgument } from "../util/args.js";

/**
 * Protects `aw` from cancellation of the awaiting task. Mirrors `asyncio.shield(aw)`.
 * @throws TypeError for something not awaitable, or for a second argument.
 * @example
 * try {
 *   yield* shield(task);
 * } catch (e) {
 *   // this task was cancelled; `task` goes on and finishes
 * }
 */
export function shield<T>(aw: AwaitableInput<T>): Future<T>;
export function shield<T>(aw: AwaitableInput<T>, extra?: unknown): Future<T> {
  if (extra !== undefined) throw extraArgument("shield()", "one argument, the awaitable", extra);
  const inner = futureFor(aw, "shield");
  if (inner.done()) return inner;
  const outer = new WaiterFuture<T>(inner.getLoop(), `shield(${inner._describe() ?? inner._repr()})`, {
    _waitInfo: () => awaitingMany("shield", [inner]), // deadlock reports: "shield(Task-2)"
  });
  const innerDone = (f: Future<T>): void => {
    if (outer.cancelled()) {
      if (!f.cancelled()) f.exception(); // mark it retrieved
      return;
    }
    if (f.cancelled()) {
      outer.cancel();
    } else {
      const exc = f.exception();
      if (exc !== undefined) outer.setException(exc);
      else outer.setResult(f.result());
    }
  };
  const outerDone = (): void => {
    if (!inner.done()) inner.removeDoneCallback(innerDone);
  };
  inner.addDoneCallback(innerDone);
  outer.addDoneCallback(outerDone);
  return outer;
}
