import { getRunningLoop, log, sleep } from "vloop";

async function displayDate() {
  const loop = getRunningLoop();
  const endTime = loop.time() + 5.0;
  for (;;) {
    log(`time is ${loop.time()}`);
    if (loop.time() + 1.0 >= endTime) break;
    await sleep(1);
  }
}

export async function main() {
  await displayDate();
}
