import { sleep } from "../../src/index.js";
import { log } from "../harness.js";

export const meta = {
  title: "hello world",
  description: "The main task logs, sleeps one second on the virtual clock, logs again, and returns None.",
};

export function* main() {
  log("hello");
  yield* sleep(1);
  log("world");
}
