import { getRunningLoop, newEventLoop, sleep } from "../../src/index.js";
import { fmtTime, say } from "./say.js";

export const meta = {
  title: "run_until_complete on a loop of your own",
  description: "run_until_complete runs a coroutine as a task and returns its result; the loop runs only during the call, its clock goes on from one call to the next, and close() may be called twice.",
};

function* work(x: number) {
  say("work", x, "starts, loop running:", getRunningLoop().isRunning());
  yield* sleep(1);
  say("work", x, "ends");
  return x * 2;
}

export function main(): void {
  const loop = newEventLoop();
  say("new loop: running", loop.isRunning(), "closed", loop.isClosed(), "time", fmtTime(loop.time()));
  say("result", loop.runUntilCompleteSync(work(21)), "time", fmtTime(loop.time()), "running", loop.isRunning());
  say("result", loop.runUntilCompleteSync(work(1)), "time", fmtTime(loop.time()));
  loop.close();
  say("closed", loop.isClosed());
  loop.close();
  say("closing again is allowed", loop.isClosed());
}
