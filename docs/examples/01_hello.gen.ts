import { log, sleep } from "vloop";

export function* main() {
  log("hello");
  yield* sleep(1);
  log("world");
}
