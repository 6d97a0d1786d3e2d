import { Barrier, createTask, gather, sleep } from "../../src/index.js";
import { log } from "../harness.js";

export const meta = {
  title: "repr of a Barrier",
  description: "A barrier prints its state (filling, draining, resetting, broken) and, unless broken, the tasks waiting while it fills out of its parties.",
};

export function* main() {
  const barrier = new Barrier(3);
  log("new", String(barrier));
  createTask(barrier.wait());
  createTask(barrier.wait());
  yield* sleep(0);
  log("two waiting", String(barrier));
  createTask(barrier.wait());
  yield* sleep(0);
  log("third arrived", String(barrier));
  for (let i = 0; i < 3; i++) {
    yield* sleep(0);
    log("passing", String(barrier));
  }
  const d = createTask(barrier.wait());
  const e = createTask(barrier.wait());
  yield* sleep(0);
  log("two waiting", String(barrier));
  yield* barrier.reset();
  log("reset", String(barrier));
  yield* gather(d, e, { returnExceptions: true });
  log("after reset", String(barrier));
  yield* barrier.abort();
  log("aborted", String(barrier));
}
