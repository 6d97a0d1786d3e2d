import { getRunningLoop, sleep } from "../../src/index.js";
import { log, pyFloat } from "../harness.js";

export const meta = {
  title: "sleep longer than the select cap",
  description: "A sleep longer than asyncio's 24 h MAXIMUM_SELECT_TIMEOUT still wakes exactly at its deadline.",
};

export function* main() {
  const loop = getRunningLoop();
  log("sleeping 100000 s, longer than one 24 h select");
  yield* sleep(100000);
  log("awake at", pyFloat(loop.time()));
  yield* sleep(0.5);
  log("then at", pyFloat(loop.time()));
}
