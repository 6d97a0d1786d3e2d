/**
 * A timeout racing a result, with a coroutine that swallows cancellation:
 * fetchPrice() turns every error into a fallback price, the CancelledError
 * of waitFor's timeout included. When the answer is late (or the timer
 * early), the caller gets the fallback instead of a TimeoutError.
 */
import { CancelledError, TimeoutError, sleep, waitFor } from "../../src/index.js";
import type { RaceMeta } from "./types.js";

export const meta: RaceMeta = {
  title: "a timeout racing a result (cancellation swallowed)",
  bug: "fetchPrice() catches every error and returns a fallback price of 0, including the CancelledError that waitFor's timeout throws into it; the server answers in 0.9 s and the timeout is 1 s, but when the answer is late (or the timer early) waitFor returns the fallback and the caller sells for 0.",
  fix: "fetchPrice() re-raises CancelledError (it only handles its own failures), so waitFor turns the timeout into TimeoutError and the caller refuses to quote.",
  strategy: "dfs",
  budget: 50,
  heisenbug: true,
  throws: { name: "Error", message: /^quoted a price of 0: the timeout's cancellation was swallowed and became a fallback value$/ },
  options: { jitter: 0.2 },
};

const FALLBACK = 0;

function* shop(fixed: boolean): Generator<unknown, void, unknown> {
  function* fetchPrice(): Generator<unknown, number, unknown> {
    try {
      yield* sleep(0.9); // the pricing service answers in 0.9 s
      return 42;
    } catch (error) {
      if (fixed && error instanceof CancelledError) throw error; // not ours to handle
      return FALLBACK; // "fail soft"... and for a CancelledError too
    }
  }

  let quote: number | "unavailable";
  try {
    quote = yield* waitFor(fetchPrice(), 1.0);
  } catch (error) {
    if (!(error instanceof TimeoutError)) throw error;
    quote = "unavailable"; // the caller's plan for a slow pricing service
  }
  if (quote === FALLBACK) throw new Error("quoted a price of 0: the timeout's cancellation was swallowed and became a fallback value");
}

export const buggy = () => shop(false);
export const fixed = () => shop(true);
