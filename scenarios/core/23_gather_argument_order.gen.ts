import { gather, sleep } from "../../src/index.js";
import { log } from "../harness.js";

export const meta = {
  title: "gather keeps argument order",
  description: "gather() returns results in argument order, whatever the order in which the children finish.",
};

function* work(name: string, delay: number) {
  yield* sleep(delay);
  log(name, "finished");
  return name;
}

export function* main() {
  const results = yield* gather(work("slow", 3), work("fast", 1), work("mid", 2));
  log("results:", results);
  return results;
}
