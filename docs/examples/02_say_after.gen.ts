import { log, sleep } from "vloop";

function* sayAfter(delay: number, what: string) {
  yield* sleep(delay);
  log(what);
}

export function* main() {
  log("started");
  yield* sayAfter(1, "hello");
  yield* sayAfter(2, "world");
  log("finished");
}
