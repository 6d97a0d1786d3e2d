import { getRunningLoop, sleep } from "../../src/index.js";
import { log, pyFloat } from "../harness.js";

export const meta = {
  title: "clock resolution",
  description: "_run_once pops every timer due before now + 1e-9, so two deadlines closer than the clock resolution fire in one iteration.",
};

function fire(name: string) {
  const loop = getRunningLoop();
  log(name, "at", pyFloat(loop.time()));
  if (name === "x") {
    loop.callSoon(log, "call_soon from x");
  }
}

export function* main() {
  const loop = getRunningLoop();
  // Pushed in reverse order.  y is 5e-10 after x (closer than the 1e-9
  // clock resolution), so x and y run in one iteration, before the
  // call_soon that x makes; z is 2e-9 after x and needs its own jump.
  loop.callAt(1.0 + 2e-9, fire, "z");
  loop.callAt(1.0 + 5e-10, fire, "y");
  loop.callAt(1.0, fire, "x");
  yield* sleep(2);
  log("main at", pyFloat(loop.time()));
}
