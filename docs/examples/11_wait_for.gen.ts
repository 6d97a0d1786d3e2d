import { TimeoutError, log, sleep, waitFor } from "vloop";

function* eternity() {
  // Sleep for one hour
  yield* sleep(3600);
  log("yay!");
}

export function* main() {
  // Wait for at most 1 second
  try {
    yield* waitFor(eternity(), 1.0);
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    log("timeout!");
  }
}
