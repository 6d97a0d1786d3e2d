/**
 * Turns: how several runs in flight in one process share it.
 *
 * `Promise.all([run(a), run(b)])`, vitest's `test.concurrent`, two
 * explorations side by side: each run has its own loop, but JavaScript has
 * one microtask queue, and a task's async body (which runs in microtasks)
 * finds its loop through the one running loop (loop/running.ts). If two
 * loops made progress at once, a body of one could run while the other is
 * the running loop. So runs take turns, as on a single-track line with one
 * baton: a run holds the turn from the moment it starts until it is over (a
 * run never waits for anything but its own async bodies, which are
 * microtasks, so it never holds the turn for long), and a run started
 * meanwhile waits for it. Turns pass in the order the runs were started
 * (FIFO), so what each run does and in what order they finish is the same
 * every time; and since each loop is a pure function of its own program,
 * seed and strategy, each run's output is exactly what it would be alone.
 *
 * A run that cannot pause (runSync, runUntilCompleteSync: generator
 * coroutines only, no microtask) does not take a turn: it runs to its end
 * synchronously, in between two microtasks of the run holding the turn.
 */

/** A run that holds or waits for the turn. */
export interface Turn {
  /** The turn has passed to this waiting run: start it (called in a microtask). */
  _begin(): void;
}

let holder: Turn | null = null;
const waiting: Turn[] = [];
const RESOLVED: Promise<void> = Promise.resolve();

/**
 * Asks for the turn: true if `turn` has it now (start at once), false if it
 * waits behind the holder and the runs that asked before it; its `_begin()`
 * is called when its turn comes.
 */
export function takeTurn(turn: Turn): boolean {
  if (holder === null) {
    holder = turn;
    return true;
  }
  waiting.push(turn);
  return false;
}

/**
 * The holder's run is over: the turn passes to the run that has waited
 * longest, which begins in a microtask (not inside the finished run's last
 * call), and holds the turn from now on, so a run started before then waits
 * behind it.
 */
export function endTurn(turn: Turn): void {
  if (holder !== turn) return;
  const next = waiting.shift();
  holder = next ?? null;
  if (next !== undefined) void RESOLVED.then(() => next._begin());
}

/** The runs waiting for the turn, in order (the watchdog's diagnosis reads them). */
export function waitingTurns(): readonly Turn[] {
  return waiting;
}
