import { createTask, eagerTaskFactory, getRunningLoop, log } from "vloop";

// eager tasks take generator coroutines, even in an async-style program
function* child(state: { started: boolean }) {
  state.started = true;
  log("child: first line");
}

export async function main() {
  getRunningLoop().setTaskFactory(eagerTaskFactory);
  const state = { started: false };
  const task = createTask(child(state));
  log("main: created the task; started?", state.started, "done?", task.done());
}
