import { CancelledError, TimeoutError, asyncWith, getRunningLoop, sleep, timeout, timeoutAt } from "../../src/index.js";
import { log } from "../harness.js";

export const meta = {
  title: "repr of a Timeout",
  description: "A timeout prints its state, and while active its deadline rounded to 3 places (half to even on the exact value) as a float, or None.",
};

export function* main() {
  const loop = getRunningLoop();
  const t = timeout(10);
  log("created", String(t));
  yield* asyncWith(t, function* () {
    log("entered", String(t));
    for (const when of [null, 12.5, 0.1234567, 2.0005, 0.0625, 0.1875, 1e20, 1234.56789, 30.0]) {
      t.reschedule(when);
      log("rescheduled", String(t));
    }
  });
  log("exited", String(t));
  const t2 = timeout(1);
  try {
    yield* asyncWith(t2, function* () {
      try {
        yield* sleep(5);
      } catch (e) {
        if (!(e instanceof CancelledError)) throw e;
        log("expiring", String(t2));
        throw e;
      }
    });
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    log("expired", String(t2));
  }
  yield* asyncWith(timeout(null), function* (t3) {
    log("no deadline", String(t3));
  });
  log("at", String(timeoutAt(loop.time() + 0.5)));
}
