/**
 * Barrier: asyncio.Barrier (3.12), built like CPython's on a Condition:
 * states filling -> draining -> filling, resetting, broken.
 */
import { BrokenBarrierError, ValueError } from "../errors.js";
import { type CoroutineObject, GenCoroutine } from "../futures/coroutine.js";
import type { AsyncContextManager } from "../asyncio/asyncWith.js";
import { type Future, NO_EDGES, type WaitSource } from "../futures/future.js";
import type { BaseEventLoop } from "../loop/baseEventLoop.js";
import type { WaitInfo } from "../loop/deadlockReport.js";
import { Condition } from "./condition.js";
import { lockRepr, setPyName } from "../util/asyncioRepr.js";
import { reportName } from "../util/reportNames.js";
import { LoopBound } from "./loopBound.js";
import { showTyped } from "../util/showValue.js";
import { extraArgument, noTimeout } from "../util/args.js";

type BarrierState = "filling" | "draining" | "resetting" | "broken";

/**
 * Lets `parties` tasks wait for each other. Mirrors asyncio.Barrier.
 * @throws ValueError when parties < 1.
 * @example
 * const b = new Barrier(3);
 * const index = yield* b.wait(); // 0, 1 or 2, in arrival order
 */
export class Barrier extends LoopBound implements AsyncContextManager<number>, WaitSource {
  private readonly _cond = new Condition();
  private readonly _parties: number;
  private _state: BarrierState = "filling";
  private _count = 0;

  constructor(parties: number);
  constructor(parties: number, extra?: unknown) {
    super();
    // threading.Barrier takes an action and a timeout; asyncio.Barrier neither
    if (extra !== undefined) throw extraArgument("Barrier()", "one argument, the number of parties", extra, "asyncio's Barrier has no action and no timeout");
    if (typeof parties !== "number" || !Number.isInteger(parties)) {
      throw new TypeError(`Barrier: parties must be an integer (got ${showTyped(parties)})`);
    }
    if (parties < 1) throw new ValueError("parties must be > 0");
    this._parties = parties;
    this._cond._reportAs = this; // a wait on the condition is a wait at this barrier
  }

  /** @internal traces: what a task waiting on the barrier's condition waits on */
  get _waitLabel(): string {
    return "Barrier.wait()";
  }

  /** @internal the barrier's name in reports: "Barrier#1" */
  _reportName(loop: BaseEventLoop): string {
    return reportName(loop, this);
  }

  /** @internal for deadlock reports: "Barrier#1.wait() (2 of 3 parties waiting)" */
  _waitInfo(fut: Future<unknown>): WaitInfo {
    const state = this._state === "filling" ? `${this._count} of ${this._parties} parties waiting` : this._state;
    return { text: `${this._reportName(fut._loop)}.wait() (${state})`, edges: NO_EDGES };
  }

  /**
   * Waits until `parties` tasks are waiting; returns this task's arrival index. Mirrors Barrier.wait().
   * @throws TypeError for an argument (asyncio's Barrier.wait takes no timeout).
   */
  wait(): CoroutineObject<number>;
  wait(extra?: unknown): CoroutineObject<number> {
    if (extra !== undefined) throw noTimeout("Barrier.wait()", extra);
    return new GenCoroutine(() => this._waitGen(), "Barrier.wait()");
  }

  private *_waitGen(): Generator<unknown, number, unknown> {
    const cond = this._cond;
    yield* cond.aenter();
    try {
      yield* this._block();
      try {
        const index = this._count;
        this._count++;
        if (index + 1 === this._parties) this._release();
        else yield* this._wait();
        return index;
      } finally {
        this._count--;
        this._exit();
      }
    } finally {
      cond.release();
    }
  }

  private *_block(): Generator<unknown, void, unknown> {
    yield* this._cond.waitFor(() => this._state !== "draining" && this._state !== "resetting");
    if (this._state === "broken") throw new BrokenBarrierError("Barrier aborted");
  }

  private _release(): void {
    this._state = "draining";
    this._cond.notifyAll();
  }

  private *_wait(): Generator<unknown, void, unknown> {
    yield* this._cond.waitFor(() => this._state !== "filling");
    if (this._state === "broken" || this._state === "resetting") {
      throw new BrokenBarrierError("Abort or reset of barrier");
    }
  }

  private _exit(): void {
    if (this._count === 0) {
      if (this._state === "resetting" || this._state === "draining") this._state = "filling";
      this._cond.notifyAll();
    }
  }

  /** Resets the barrier; tasks waiting get BrokenBarrierError. Mirrors Barrier.reset(). */
  reset(): CoroutineObject<void> {
    return new GenCoroutine(() => this._resetBody(), "Barrier.reset()");
  }

  /** @internal */
  *_resetBody(): Generator<unknown, void, unknown> {
    yield* this._cond.aenter();
    try {
      if (this._count > 0) {
        if (this._state !== "resetting") this._state = "resetting";
      } else {
        this._state = "filling";
      }
      this._cond.notifyAll();
    } finally {
      this._cond.release();
    }
  }

  /** Breaks the barrier: waiters and later wait() calls get BrokenBarrierError. Mirrors Barrier.abort(). */
  abort(): CoroutineObject<void> {
    return new GenCoroutine(() => this._abortBody(), "Barrier.abort()");
  }

  /** @internal */
  *_abortBody(): Generator<unknown, void, unknown> {
    yield* this._cond.aenter();
    try {
      this._state = "broken";
      this._cond.notifyAll();
    } finally {
      this._cond.release();
    }
  }

  /** Mirrors Barrier.parties. */
  get parties(): number {
    return this._parties;
  }

  /** Tasks waiting while the barrier fills. Mirrors Barrier.n_waiting. */
  get nWaiting(): number {
    return this._state === "filling" ? this._count : 0;
  }

  /** Mirrors Barrier.broken. */
  get broken(): boolean {
    return this._state === "broken";
  }

  /** `async with barrier as index:` waits at the barrier. */
  *aenter(): Generator<unknown, number, unknown> {
    return yield* this._waitGen();
  }

  /** `async with barrier:` exits without doing anything. */
  *aexit(): Generator<unknown, boolean, unknown> {
    return false;
  }

  /**
   * asyncio's repr, without the address (see util/asyncioRepr.ts): the state,
   * and unless broken, waiting tasks out of parties. Mirrors Barrier.__repr__.
   * @example String(new Barrier(3)); // "<asyncio.locks.Barrier object [filling, waiters:0/3]>"
   */
  override toString(): string {
    const waiting = this.broken ? "" : `, waiters:${this.nWaiting}/${this._parties}`;
    return lockRepr(this, this._state + waiting);
  }
}
setPyName(Barrier, "asyncio.locks.Barrier");
