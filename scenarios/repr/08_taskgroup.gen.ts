import { CancelledError, ExceptionGroup, TaskGroup, asyncWith, sleep } from "../../src/index.js";
import { ValueError, log, pyRepr } from "../harness.js";

export const meta = {
  title: "repr of a TaskGroup",
  description: "A task group prints how many tasks run and how many failed, then entered or cancelling; a failed group keeps saying cancelling.",
};

function* fail(): Generator<unknown, never, unknown> {
  yield* sleep(1);
  throw new ValueError("boom");
}

export function* main() {
  const tg = new TaskGroup();
  log("new", String(tg));
  try {
    yield* asyncWith(tg, function* () {
      log("entered", String(tg));
      tg.createTask(sleep(5));
      const t = tg.createTask(fail());
      log("two tasks", String(tg));
      try {
        yield* sleep(10);
      } catch (e) {
        if (!(e instanceof CancelledError)) throw e;
        log("aborting", String(tg), String(t));
        throw e;
      }
    });
  } catch (eg) {
    if (!(eg instanceof ExceptionGroup)) throw eg;
    log("raised", pyRepr(eg));
  }
  log("after", String(tg));
  const ok = new TaskGroup();
  yield* asyncWith(ok, function* () {
    ok.createTask(sleep(1));
  });
  log("after", String(ok));
}
