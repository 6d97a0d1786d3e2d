import { createTask, sleep } from "../../src/index.js";
import { log } from "../harness.js";

export const meta = {
  title: "the loop stops one iteration after main",
  description: "run_until_complete stops through main's done callback, one iteration after main finishes, so other ready tasks get exactly one more step before shutdown.",
};

function* neighbour() {
  yield* sleep(1);
  log("neighbour woke with main");
  yield* sleep(0);
  log("neighbour: one iteration after main finished");
  yield* sleep(0);
  log("neighbour: two iterations after"); // only during shutdown: cancelled
}

export function* main() {
  const t = createTask(neighbour());
  yield* sleep(1);
  log("main returns");
  return t.getName();
}
