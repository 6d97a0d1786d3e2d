import { createTask, log, sleep } from "vloop";

let started = false;

async function child() {
  started = true;
  log("child: first line");
}

export async function main() {
  const task = createTask(child);
  log("main: created the task; started?", started);
  await sleep(0);
  log("main: after sleep(0); started?", started, "done?", task.done());
}
