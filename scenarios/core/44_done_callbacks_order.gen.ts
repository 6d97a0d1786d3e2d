import { getRunningLoop, sleep, type Future } from "../../src/index.js";
import { log } from "../harness.js";

export const meta = {
  title: "done callbacks",
  description: "Done callbacks are scheduled with call_soon in registration order when the future completes (or at once if it is already done); remove_done_callback removes every registration of that function.",
};

function makeCb(name: string) {
  function cb(fut: Future<string>) {
    log(name, "sees", fut.result());
  }
  return cb;
}

export function* main() {
  const loop = getRunningLoop();
  const fut = loop.createFuture<string>();
  const [cb1, cb2, cb3] = [makeCb("cb1"), makeCb("cb2"), makeCb("cb3")];
  fut.addDoneCallback(cb1);
  fut.addDoneCallback(cb2);
  fut.addDoneCallback(cb3);
  fut.addDoneCallback(cb2);
  log("removed cb2 ->", fut.removeDoneCallback(cb2));
  fut.setResult("v");
  log("set_result done; callbacks not yet run");
  fut.addDoneCallback(makeCb("late"));
  yield* sleep(0);
  log("main after sleep(0)");
  yield* sleep(0);
  log("main after second sleep(0)");
}
