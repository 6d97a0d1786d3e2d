import { CancelledError, createTask, log, sleep } from "vloop";

function* cancelMe() {
  log("cancel_me(): before sleep");
  try {
    // Wait for 1 hour
    yield* sleep(3600);
  } catch (e) {
    if (e instanceof CancelledError) log("cancel_me(): cancel sleep");
    throw e;
  } finally {
    log("cancel_me(): after sleep");
  }
}

export function* main() {
  // Create a "cancel_me" Task
  const task = createTask(cancelMe());
  // Wait for 1 second
  yield* sleep(1);
  task.cancel();
  try {
    yield* task;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    log("main(): cancel_me is cancelled now");
  }
  log("cancelled:", task.cancelled());
}
