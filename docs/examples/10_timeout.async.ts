import { TimeoutError, asyncWith, log, sleep, timeout } from "vloop";

async function longRunningTask() {
  log("long_running_task starts");
  await sleep(3600);
  log("never printed");
}

export async function main() {
  try {
    await asyncWith(timeout(10), async () => {
      await longRunningTask();
    });
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    log("The long operation timed out, but we've handled it.");
  }
  log("This statement will run regardless.");
}
