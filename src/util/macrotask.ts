/**
 * The core's only contact with real time: "after the current macrotask".
 *
 * vloop never reads a clock, but two things need to know that JavaScript's
 * microtask queue has drained:
 * - run()'s watchdog: an async-style run proceeds entirely in microtasks, so a
 *   run still unfinished when the next macrotask starts is waiting on
 *   something vloop does not control (a plain Promise, a real timer, I/O);
 * - exploration, after a refused async body, waits for it to run out.
 *
 * Both use a zero-delay timer, the global timer function every JavaScript
 * runtime with an event loop has (browsers, workers, Node, Deno, Bun); Node's
 * immediate queue is not in browsers. The watchdog is one shared timer for every run in flight, not
 * one per run: a run registers itself while it is unfinished and removes
 * itself when it ends, so a finished run is never held alive by a pending
 * timer (a million explored runs in one macrotask keep nothing), and a run
 * costs a Set insertion instead of a timer.
 *
 * Where the runtime has no timer function at all (a bare engine shell), there is
 * no watchdog: a stuck run simply never settles, and nextMacrotask() falls
 * back to a chain of microtasks.
 */

/** Something the watchdog fires on if it is still registered when a macrotask starts. */
export interface Watched {
  /** Called once, from a macrotask, if the watched run had not finished by then. */
  stuck(): void;
}

type TimerFn = (callback: () => void, ms: number) => unknown;

/** The runtime's zero-delay timer, if it has one. */
const timer: TimerFn | undefined = typeof globalThis.setTimeout === "function" ? (globalThis.setTimeout as TimerFn) : undefined; // real-time: only waits for the microtask queue to drain, decides no order

/**
 * The runs registered, in the order they registered. An array, not a Set:
 * runs take turns, so it holds one run at a time in practice, and a Set
 * keyed by a new object per run (an identity hash to make, an entry to add
 * and delete) was 4% of an explored async run (measured).
 */
const watched: Watched[] = [];
let armed = false;

function fire(): void {
  armed = false;
  if (watched.length === 0) return;
  const stuck = watched.splice(0, watched.length);
  for (const w of stuck) w.stuck();
}

/**
 * Registers `w` until unwatch(w): if a macrotask starts while it is still
 * registered, `w.stuck()` is called. One timer serves every registration.
 */
export function watch(w: Watched): void {
  if (watched.indexOf(w) < 0) watched.push(w);
  if (!armed && timer !== undefined) {
    armed = true;
    timer(fire, 0);
  }
}

/** Ends the registration of `w` (the run finished in time). */
export function unwatch(w: Watched): void {
  const i = watched.lastIndexOf(w);
  if (i < 0) return;
  // (not splice, which makes an array of what it removes: this runs once per run)
  for (let j = i + 1; j < watched.length; j++) watched[j - 1] = watched[j] as Watched;
  watched.pop();
}

/** How many runs the watchdog holds now (tests: a finished run must not be held). */
export function watchedCount(): number {
  return watched.length;
}

/** A promise that settles after the current macrotask (every pending microtask has run). */
export function nextMacrotask(): Promise<void> {
  if (timer !== undefined) return new Promise((resolve) => void timer(resolve, 0));
  // No timer: a long chain of microtasks lets chains shorter than it run out.
  let p = Promise.resolve();
  for (let i = 0; i < 64; i++) p = p.then(() => undefined);
  return p;
}
