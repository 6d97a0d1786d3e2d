import { createTask, getRunningLoop, sleep } from "../../src/index.js";
import { log } from "../harness.js";

export const meta = {
  title: "what cancel() returns",
  description: "Task.cancel() returns True for every request while the task is not done (repeats included) and False once it is done; Future.cancel() returns True only once.",
};

function* nap() {
  yield* sleep(5);
}

export function* main() {
  const loop = getRunningLoop();
  const fresh = createTask(nap());
  log("not started: cancel() ->", fresh.cancel(), "again ->", fresh.cancel());
  const sleeping = createTask(nap());
  yield* sleep(1);
  log("sleeping: cancel() ->", sleeping.cancel(), "again ->", sleeping.cancel());
  yield* sleep(0);
  log("done now:", fresh.done(), sleeping.done());
  log("cancelled task: cancel() ->", fresh.cancel(), sleeping.cancel());
  const fut = loop.createFuture();
  log("future: cancel() ->", fut.cancel(), "again ->", fut.cancel());
  const done = loop.createFuture<number>();
  done.setResult(1);
  log("done future: cancel() ->", done.cancel(), "cancelled() ->", done.cancelled());
  log("counts:", fresh.cancelling(), sleeping.cancelling());
}
