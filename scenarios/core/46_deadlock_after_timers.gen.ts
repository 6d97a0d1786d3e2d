import { createTask, getRunningLoop, sleep, type Future } from "../../src/index.js";
import { log } from "../harness.js";

export const meta = {
  title: "deadlock after the last timer",
  description: "A deadlock is reported at the virtual time the last timer left the loop with nothing to do.",
};

function* helper(fut: Future<unknown>) {
  yield* sleep(2);
  log("helper finishes without completing the future");
}

export function* main() {
  const fut = getRunningLoop().createFuture();
  createTask(helper(fut));
  log("waiting");
  yield* fut;
}
