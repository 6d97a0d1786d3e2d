/**
 * The drivers of a loop: what run(), runSync(), runUntilComplete() and
 * runForever() share. A driver makes its loop the running loop, runs its
 * phases (asyncio.run's, or run_until_complete's) as far as they go, and
 * tears down once.
 *
 * - driveSync: generator coroutines only, no microtask at all. It runs to its
 *   end in one synchronous call, so it needs no turn (loop/turns.ts): it may
 *   run in between two microtasks of another run that holds the turn; it
 *   saves that run's running loop and puts it back.
 * - AsyncDrive: async functions too. While a task's async body runs in
 *   microtasks the loop pauses (futures/task.ts) and the driver carries on
 *   when the body suspends (`loop._onResume`). It holds the turn from its
 *   start to its end, and waits for it if another run holds it. A body that
 *   awaits a promise vloop does not control is caught by the watchdog
 *   (util/macrotask.ts: a run still unfinished when a macrotask starts is
 *   stuck) and named in a UsageError.
 *
 * Nesting: a run started while a loop is running one of its handles
 * (`steppingLoop()`: a generator step, a callback, the synchronous start of
 * an async body) is refused at once, as asyncio refuses it. A run started
 * from an async body after its first await cannot be told apart from one
 * started by unrelated code between two microtasks, so it waits for its turn;
 * if the body awaits it, the body waits for itself, and the watchdog's error
 * says so.
 */
import { UsageError } from "../errors.js";
import { type Watched, unwatch, watch } from "../util/macrotask.js";
import type { BaseEventLoop, LoopTask } from "./baseEventLoop.js";
import { currentLoop, setRunningLoop, setSteppingLoop } from "./running.js";
import { type Turn, endTurn, takeTurn, waitingTurns } from "./turns.js";

/** The phases of one run of a loop (asyncio.run's, run_until_complete's, run_forever's). */
export interface Phases<T> {
  /** The run starts (the loop is the running loop): make its main task. May throw. */
  begin(): void;
  /** Runs as far as possible: true when the run is over, false when an async body paused it. */
  advance(): boolean;
  /** The run's outcome, once advance() returned true (throws the run's error). */
  result(): T;
  /** Tears down, once, after begin() was called (whether the run succeeded or not). */
  end(): void;
}

/**
 * Runs `phases` on `loop` to their end, synchronously (generator coroutines
 * only: the loop refuses async bodies while `loop._syncOnly`).
 * The caller has checked that no loop is stepping (no nesting).
 */
export function driveSync<T>(loop: BaseEventLoop, phases: Phases<T>): T {
  const previous = currentLoop();
  setRunningLoop(loop);
  setSteppingLoop(loop);
  loop._running = true;
  try {
    phases.begin();
    if (!phases.advance()) throw new UsageError("an async step was started in a synchronous run; use run()");
    return phases.result();
  } finally {
    phases.end();
    loop._running = false;
    setSteppingLoop(null);
    setRunningLoop(previous);
  }
}

/**
 * Drives `phases` on `loop` through async steps, holding the turn, and
 * settles with the outcome once. Construct, then call start().
 */
export class AsyncDrive<T> implements Turn, Watched {
  private finished = false;
  /** The task whose async body ran in the turn holder's loop when this run was queued (watchdog hint). */
  private queuedDuring: LoopTask | null = null;

  constructor(
    private readonly loop: BaseEventLoop,
    private readonly phases: Phases<T>,
    private readonly resolve: (value: T) => void,
    private readonly reject: (error: unknown) => void,
  ) {
    loop._running = true; // from the call on, even while it waits for its turn
  }

  /** Begins now if no other run holds the turn, else when its turn comes. */
  start(): void {
    if (takeTurn(this)) this._begin();
    else this.queuedDuring = currentLoop()?._asyncWaiter ?? null;
  }

  /** @internal (Turn) this run's turn has come. */
  _begin(): void {
    const loop = this.loop;
    setRunningLoop(loop);
    loop._onResume = () => this.drive();
    this.drive(true);
    // The run goes on in microtasks only; a macrotask starts before it ends
    // only if an async body waits on something outside vloop.
    if (!this.finished) watch(this);
  }

  /** The watchdog's call: a macrotask started before this run ended. */
  stuck(): void {
    if (!this.finished) this.finish(false, new UsageError(this.describeStuck()));
  }

  private describeStuck(): string {
    const task = this.loop._asyncWaiter;
    const who = task ? `task ${task.getName()}` : "a task";
    let message =
      `${who} awaited a promise that vloop does not control (a plain Promise, a real timer, I/O, ` +
      `or an async function started without createTask); vloop cannot know when it settles. ` +
      `Await only vloop awaitables (sleep, futures, tasks, gather, locks, queues)`;
    if (task !== null && waitingTurns().some((t) => t instanceof AsyncDrive && t.queuedDuring === task)) {
      message +=
        `. A run (run(), runUntilComplete() or runForever()) was started while ${who}'s body was running: ` +
        `runs take turns, so it waits until this one is over, and if ${task.getName()} awaited it, it waited for itself. ` +
        `A run cannot be nested in a running loop (asyncio: "asyncio.run() cannot be called from a running event loop"): ` +
        `await the coroutine itself, or createTask() it`;
    }
    return message;
  }

  private drive(first = false): void {
    if (this.finished) return;
    const loop = this.loop;
    setSteppingLoop(loop);
    let over: boolean;
    try {
      if (first) this.phases.begin();
      over = this.phases.advance();
    } catch (error) {
      setSteppingLoop(null);
      this.finish(false, error);
      return;
    }
    setSteppingLoop(null);
    if (!over) return; // paused: an async body is running
    let value: T;
    try {
      value = this.phases.result();
    } catch (error) {
      this.finish(false, error);
      return;
    }
    this.finish(true, value);
  }

  private finish(ok: boolean, value: unknown): void {
    if (this.finished) return;
    this.finished = true;
    unwatch(this);
    const loop = this.loop;
    this.phases.end();
    loop._onResume = null;
    loop._running = false;
    setRunningLoop(null);
    endTurn(this);
    if (ok) this.resolve(value as T);
    else this.reject(value);
  }
}
