import { createTask, gather, sleep } from "../../src/index.js";
import { log, py, ValueError } from "../harness.js";

export const meta = {
  title: "gather(return_exceptions=True)",
  description: "With return_exceptions=True a failing child's exception and a cancelled child's CancelledError take their places in the result list, and the gather itself is not cancelled.",
};

function kind(r: unknown) {
  return r instanceof Error ? r.name : r;
}

async function ok() {
  await sleep(1);
  return 1;
}

async function fail() {
  await sleep(2);
  throw new ValueError("boom");
}

async function nap() {
  await sleep(5);
}

export async function main() {
  const doomed = createTask(() => nap());
  const g = gather(() => ok(), () => fail(), doomed, { returnExceptions: true });
  await sleep(0);
  doomed.cancel();
  const results = await g;
  log("kinds:", results.map((r) => kind(r)));
  log("messages:", results.slice(1).map((r) => py(r)));
  log("gather cancelled() ->", g.cancelled());
  return results;
}
