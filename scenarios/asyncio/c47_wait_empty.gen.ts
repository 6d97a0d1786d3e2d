import { ValueError, sleep, wait } from "../../src/index.js";
import { log } from "../harness.js";

export const meta = {
  title: "wait() on nothing",
  description: "wait() of an empty collection raises ValueError when awaited.",
};

export function* main() {
  try {
    yield* wait([]);
  } catch (e) {
    if (!(e instanceof ValueError)) throw e;
    log("wait([]) raised ValueError");
  }
  yield* sleep(1);
  return "ok";
}
