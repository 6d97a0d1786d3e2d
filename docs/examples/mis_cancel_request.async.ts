import { CancelledError, createTask, log, sleep } from "vloop";

async function stubborn() {
  try {
    await sleep(10);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    log("stubborn: got CancelledError, and carries on");
  }
  await sleep(1);
  log("stubborn: still running");
  return "finished anyway";
}

export async function main() {
  const task = createTask(stubborn);
  await sleep(1);
  task.cancel();
  log("main: cancel() returned; done?", task.done());
  log("main: the task returned", await task);
  log("main: cancelled?", task.cancelled());
}
