import { getRunningLoop } from "../../src/index.js";
import { log } from "../harness.js";

export const meta = {
  title: "deadlock",
  description: "When nothing is ready and no timer is pending, CPython would block forever in select(); the run ends with a deadlock line.",
};

export function* main() {
  const fut = getRunningLoop().createFuture();
  log("waiting for a future nobody completes");
  yield* fut;
  log("never reached");
}
