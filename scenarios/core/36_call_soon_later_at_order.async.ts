import { getRunningLoop, sleep } from "../../src/index.js";
import { log } from "../harness.js";

export const meta = {
  title: "call_soon, call_later and call_at ordering",
  description: "call_soon handles run first in FIFO order, then timers already due (negative delays and past call_at included) in deadline order, in the same iteration, with no task (\"-\").",
};

function cb(what: string) {
  log(what);
}

export async function main() {
  const loop = getRunningLoop();
  loop.callLater(2, cb, "call_later(2)");
  loop.callAt(1, cb, "call_at(1)");
  loop.callSoon(cb, "call_soon");
  loop.callLater(-1, cb, "call_later(-1)");
  loop.callAt(-5, cb, "call_at(-5), in the past");
  loop.callLater(0, cb, "call_later(0)");
  loop.callSoon(cb, "call_soon again");
  log("scheduled");
  await sleep(3);
  log("main done");
}
