import { createTask, log, sleep } from "vloop";

async function child(state: { started: boolean }) {
  state.started = true;
  log("child: first line");
}

export async function main() {
  const state = { started: false };
  const task = createTask(() => child(state));
  log("main: created the task; started?", state.started);
  await sleep(0);
  log("main: after sleep(0); started?", state.started, "done?", task.done());
}
