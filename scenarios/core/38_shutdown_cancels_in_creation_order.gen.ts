import { CancelledError, createTask, sleep } from "../../src/index.js";
import { log } from "../harness.js";

export const meta = {
  title: "shutdown cancels leftover tasks",
  description: "When main returns, every pending task is cancelled (in creation order here) and the loop runs until they finish, so a task that catches the cancellation can keep sleeping.",
};

function* worker(name: string, stubborn: boolean) {
  try {
    yield* sleep(10);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    log(name, "cancelled at shutdown");
    if (!stubborn) {
      throw e;
    }
    yield* sleep(5);
    log(name, "finished its clean-up");
  }
}

export function* main() {
  createTask(worker("c", false), { name: "c" });
  createTask(worker("a", true), { name: "a" });
  createTask(worker("b", false), { name: "b" });
  yield* sleep(1);
  log("main returns while c, a, b sleep");
  return "bye";
}
