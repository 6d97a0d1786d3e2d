import { createTask, getRunningLoop, log, sleep } from "vloop";

function* worker(name: string) {
  log(name, "step 1");
  yield* sleep(0);
  log(name, "step 2");
}

export function* main() {
  const loop = getRunningLoop();
  loop.callLater(0, log, "call_later(0) from main");
  const a = createTask(worker("A"), { name: "A" });
  const b = createTask(worker("B"), { name: "B" });
  loop.callSoon(log, "call_soon from main");
  log("main: sleep(0)");
  yield* sleep(0);
  log("main: back, awaits A");
  yield* a;
  log("main: A is done, awaits B");
  yield* b;
  log("main: B was done already");
}
