import { getRunningLoop, log, sleep } from "vloop";
import { pyFloat } from "vloop/scenario";

function fire(name: string) {
  const loop = getRunningLoop();
  log(name, "at", pyFloat(loop.time()));
  if (name.startsWith("a")) loop.callSoon(log, "call_soon from a");
}

export function* main() {
  const loop = getRunningLoop();
  loop.callAt(1.0 + 2e-9, fire, "c: 1 + 2e-9");
  loop.callAt(1.0 + 5e-10, fire, "b: 1 + 5e-10");
  loop.callAt(1.0, fire, "a: 1");
  yield* sleep(2);
}
