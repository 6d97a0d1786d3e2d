import { CancelledError, createTask, log, sleep } from "vloop";

function* worker() {
  try {
    yield* sleep(3600);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    log("cleaning up");
    throw e; // always let a CancelledError propagate
  }
}

export function* main() {
  const task = createTask(worker(), { name: "worker" });
  yield* sleep(1);
  task.cancel();
  try {
    yield* task;
  } catch (e) {
    log("awaiting the task threw", (e as Error).name);
  }
  log("cancelled:", task.cancelled());
}
