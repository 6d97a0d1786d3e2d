import { getRunningLoop } from "../../src/index.js";
import { log } from "../harness.js";

export const meta = {
  title: "deadlock",
  description: "When nothing is ready and no timer is pending, CPython would block forever in select(); the run ends with a deadlock line.",
};

export async function main() {
  const fut = getRunningLoop().createFuture();
  log("waiting for a future nobody completes");
  await fut;
  log("never reached");
}
