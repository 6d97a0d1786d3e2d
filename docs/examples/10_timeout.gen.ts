import { TimeoutError, asyncWith, log, sleep, timeout } from "vloop";

function* longRunningTask() {
  log("long_running_task starts");
  yield* sleep(3600);
  log("never printed");
}

export function* main() {
  try {
    yield* asyncWith(timeout(10), function* () {
      yield* longRunningTask();
    });
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    log("The long operation timed out, but we've handled it.");
  }
  log("This statement will run regardless.");
}
