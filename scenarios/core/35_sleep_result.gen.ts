import { sleep } from "../../src/index.js";
import { log } from "../harness.js";

export const meta = {
  title: "sleep(delay, result)",
  description: "sleep(delay, result) returns result when it wakes, without one it returns None, and a negative delay behaves like sleep(0).",
};

export function* main() {
  const v = yield* sleep(1, "value");
  log("sleep(1, 'value') ->", v);
  const n = yield* sleep(0, 7);
  log("sleep(0, 7) ->", n);
  const none = yield* sleep(1);
  log("sleep(1) ->", none);
  const neg = yield* sleep(-1, "negative");
  log("sleep(-1, 'negative') ->", neg);
  return v;
}
