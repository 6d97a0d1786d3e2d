/**
 * asyncio.mixins._LoopBoundMixin: a primitive binds to the loop that first
 * uses it, and refuses to be used from another loop.
 */
import { RuntimeError } from "../errors.js";
import type { BaseEventLoop } from "../loop/baseEventLoop.js";
import { requireLoop } from "../loop/running.js";
import { inspectCustom } from "../util/asyncioRepr.js";

/** The base of the locks and queues: loop binding, and Node's inspect showing their repr. */
export class LoopBound {
  private _boundLoop: BaseEventLoop | null = null;

  /** @internal the running loop, checked against the one this object is bound to */
  _getLoop(): BaseEventLoop {
    const loop = requireLoop(this.constructor.name);
    if (this._boundLoop === null) this._boundLoop = loop;
    if (loop !== this._boundLoop) {
      throw new RuntimeError(`${this.constructor.name} is bound to a different event loop (it was first used in another run)`);
    }
    return loop;
  }

  /** What Node's util.inspect (and console.log) prints: toString(), each primitive's asyncio repr. */
  [inspectCustom](): string {
    return this.toString();
  }
}

/**
 * Removes the first occurrence of `item` (deque.remove); false if absent.
 * A woken waiter is nearly always at the front: shift() is O(1) there.
 */
export function removeItem<T>(list: T[], item: T): boolean {
  if (list.length > 0 && list[0] === item) {
    list.shift();
    return true;
  }
  const i = list.indexOf(item);
  if (i < 0) return false;
  list.splice(i, 1);
  return true;
}
