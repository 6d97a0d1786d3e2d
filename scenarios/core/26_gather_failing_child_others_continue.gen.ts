import { gather, sleep } from "../../src/index.js";
import { log, py, ValueError } from "../harness.js";

export const meta = {
  title: "a failing gather child does not cancel the others",
  description: "gather() without return_exceptions propagates the first exception at once, but the other children keep running.",
};

function* failAfter(delay: number) {
  yield* sleep(delay);
  log("failing");
  throw new ValueError("child failed");
}

function* work(name: string, delay: number) {
  yield* sleep(delay);
  log(name, "still ran");
  return name;
}

export function* main() {
  try {
    yield* gather(failAfter(1), work("b", 2), work("c", 3));
  } catch (e) {
    if (!(e instanceof ValueError)) throw e;
    log("gather raised ValueError:", py(e));
  }
  yield* sleep(5);
  log("main done");
}
