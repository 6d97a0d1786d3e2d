import { currentTask, sleep } from "../../src/index.js";
import { log } from "../harness.js";

export const meta = {
  title: "main cancelled",
  description: "A cancel() of the main task is delivered at its next await, and the CancelledError escaping main is reported like any other exception.",
};

export async function main() {
  const me = currentTask()!;
  log("main cancels itself:", me.cancel("self"));
  log("still running; cancelling() ->", me.cancelling());
  await sleep(0);
  log("never reached");
}
