import { CancelledError, TimeoutError, asyncWith, getRunningLoop, sleep, timeout } from "../../src/index.js";
import { log, pyFloat } from "../harness.js";

export const meta = {
  title: "nested timeouts: only the outer one expires",
  description: "When the outer of two nested timeouts expires, the inner scope (not expired) lets CancelledError through and only the outer one converts it into TimeoutError.",
};

export function* main() {
  const loop = getRunningLoop();
  const outer = timeout(1);
  const inner = timeout(10);
  try {
    yield* asyncWith(outer, function* () {
      try {
        yield* asyncWith(inner, function* () {
          yield* sleep(5);
        });
      } catch (e) {
        if (e instanceof CancelledError) {
          log("inner block let CancelledError through");
          throw e;
        }
        if (!(e instanceof TimeoutError)) throw e;
        log("not printed");
      }
    });
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    log("outer TimeoutError at", pyFloat(loop.time()));
  }
  log("inner expired", inner.expired(), "outer expired", outer.expired());
  yield* sleep(20);
  log("inner's timer was cancelled");
  return "ok";
}
