import { createTask, gather, sleep } from "../../src/index.js";
import { log, py, ValueError } from "../harness.js";

export const meta = {
  title: "gather(return_exceptions=True)",
  description: "With return_exceptions=True a failing child's exception and a cancelled child's CancelledError take their places in the result list, and the gather itself is not cancelled.",
};

function kind(r: unknown) {
  return r instanceof Error ? r.name : r;
}

function* ok() {
  yield* sleep(1);
  return 1;
}

function* fail() {
  yield* sleep(2);
  throw new ValueError("boom");
}

function* nap() {
  yield* sleep(5);
}

export function* main() {
  const doomed = createTask(nap());
  const g = gather(ok(), fail(), doomed, { returnExceptions: true });
  yield* sleep(0);
  doomed.cancel();
  const results = yield* g;
  log("kinds:", results.map((r) => kind(r)));
  log("messages:", results.slice(1).map((r) => py(r)));
  log("gather cancelled() ->", g.cancelled());
  return results;
}
