import { getRunningLoop, sleep, type TimerHandle } from "../../src/index.js";
import { log } from "../harness.js";

export const meta = {
  title: "cancelling a timer that is already due",
  description: "Due timers move to the ready queue together; a callback that cancels a later one in the same batch stops it from running, since cancelled handles are skipped when their turn comes.",
};

const handles = new Map<string, TimerHandle>();

function fire(name: string, victim: string | null) {
  log(name, "fires");
  if (victim) {
    log("cancelling", victim, "which is already due");
    handles.get(victim)!.cancel();
  }
}

export async function main() {
  const loop = getRunningLoop();
  handles.clear();
  // x, y and z are all due at t=1 and moved to the ready queue together;
  // x cancels y there, and a cancelled handle is skipped when its turn comes.
  handles.set("x", loop.callAt(1, fire, "x", "y"));
  handles.set("y", loop.callAt(1, fire, "y", null));
  handles.set("z", loop.callAt(1, fire, "z", null));
  await sleep(2);
  log("y cancelled() ->", handles.get("y")!.cancelled());
}
