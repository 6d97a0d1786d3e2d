import { createTask, getRunningLoop, log, sleep } from "vloop";

async function child() {
  log("child");
}

export async function main() {
  const loop = getRunningLoop();
  loop.callLater(0, log, "timer");
  loop.callSoon(log, "soon");
  createTask(child);
  log("main");
  await sleep(0);
  log("main again");
  await sleep(0);
}
