import { type Task, createTask, log, sleep } from "vloop";

async function quick() {
  await sleep(0);
  log("quick: done");
}

async function watcher(task: Task<void>) {
  await task;
  log("watcher: woke up");
}

async function ticker() {
  for (let i = 1; i < 4; i++) {
    log("tick", i);
    await sleep(0);
  }
}

export async function main() {
  const q = createTask(quick);
  createTask(() => watcher(q));
  await createTask(ticker);
}
