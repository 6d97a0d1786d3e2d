import { getRunningLoop, sleep } from "../../src/index.js";
import { log, pyFloat } from "../harness.js";

export const meta = {
  title: "long idle waits, a day at a time",
  description: "With nothing ready, a wait longer than asyncio's 24 h select cap moves the clock by now + 86400 per iteration (rounded float sums from a fractional start), and a deadline within the 1e-9 resolution after such a step runs at the stepped clock, not at its own deadline.",
};

function now() {
  return pyFloat(getRunningLoop().time());
}

export function* main() {
  const loop = getRunningLoop();
  yield* sleep(0.1);
  log("start at", now());
  // Ten days and 5e-10 s from t=0.1: nine idle iterations of now = now + 86400
  // (each a rounded float sum: 0.1 has no exact binary value), then a tenth
  // capped wait after which the deadline is within the 1e-9 resolution: the
  // timer runs at the clock's ten-fold sum, not at its own deadline.
  const fut = loop.createFuture<null>();
  const when = loop.time() + 10 * 86400 + 5e-10;
  loop.callAt(when, () => fut.setResult(null));
  yield* fut;
  log("woke at", now(), "deadline", pyFloat(when));
  // Eighty days and a quarter: eighty idle iterations, then the clock lands
  // on the deadline itself. (Under 2**24 s: past that, now + 1e-9 rounds back
  // to now, and on a virtual clock CPython never lets a deadline it landed
  // on fall due; vloop does, see loop/baseEventLoop.ts.)
  yield* sleep(80 * 86400 + 0.25);
  log("after 80 days at", now());
}
