import { TimeoutError, asyncWith, getRunningLoop, sleep, timeout } from "../../src/index.js";
import { log, pyFloat } from "../harness.js";

export const meta = {
  title: "nested timeouts: only the inner one expires",
  description: "When the inner of two nested timeouts expires, the inner scope raises TimeoutError and the outer one, still unexpired, lets the body go on.",
};

export function* main() {
  const loop = getRunningLoop();
  const outer = timeout(10);
  yield* asyncWith(outer, function* () {
    const inner = timeout(1);
    try {
      yield* asyncWith(inner, function* () {
        yield* sleep(5);
      });
    } catch (e) {
      if (!(e instanceof TimeoutError)) throw e;
      log("inner TimeoutError at", pyFloat(loop.time()));
    }
    log("inner expired", inner.expired(), "outer expired", outer.expired());
    yield* sleep(2);
    log("outer body finishes");
  });
  log("outer expired", outer.expired(), "at", pyFloat(loop.time()));
  return "ok";
}
