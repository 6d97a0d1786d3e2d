import { createTask, sleep } from "../../src/index.js";
import { log } from "../harness.js";

export const meta = {
  title: "sleep(0) yields exactly once",
  description: "sleep(0) gives up the loop for exactly one iteration, so two tasks that sleep(0) in turn alternate strictly.",
};

let counter = 0;

function* player(name: string) {
  for (let _ = 0; _ < 3; _++) {
    counter += 1;
    log(name, counter);
    yield* sleep(0);
  }
}

export function* main() {
  counter = 0;
  const ping = createTask(player("ping"));
  const pong = createTask(player("pong"));
  yield* ping;
  yield* pong;
  log("final", counter);
  return counter;
}
