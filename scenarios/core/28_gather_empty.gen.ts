import { createTask, gather, sleep } from "../../src/index.js";
import { log } from "../harness.js";

export const meta = {
  title: "empty gather",
  description: "gather() with no arguments returns an already-done future with result [], so awaiting it does not suspend.",
};

function* other() {
  log("other runs");
}

export function* main() {
  createTask(other());
  const results = yield* gather();
  // gather() with no arguments returns a done future: no suspension, so
  // this line comes before "other runs".
  log("empty gather:", results);
  yield* sleep(0);
  log("after sleep(0)");
  return results;
}
