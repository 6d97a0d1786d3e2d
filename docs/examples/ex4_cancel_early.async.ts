import { CancelledError, createTask, log, sleep } from "vloop";

async function child() {
  log("child: started");
  await sleep(1);
  log("child: finished");
}

export async function main() {
  const task = createTask(child);
  task.cancel();
  log("main: cancelled?", task.cancelled());
  try {
    await task;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    log("main: cancelled?", task.cancelled());
  }
}
