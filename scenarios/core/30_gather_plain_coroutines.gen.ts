import { currentTask, gather, sleep } from "../../src/index.js";
import { log } from "../harness.js";

export const meta = {
  title: "gather wraps coroutines in tasks",
  description: "gather() wraps each plain coroutine in a new task, in argument order, so each gets the next Task-<n> name.",
};

function* who(n: number) {
  log("coroutine", n, "runs in", currentTask()!.getName());
  yield* sleep(n);
  return currentTask()!.getName();
}

export function* main() {
  // Each plain coroutine is wrapped in a new task, in argument order.
  const names = yield* gather(who(1), who(2), who(1));
  log("names:", names);
  return names;
}
