import { Event, FIRST_COMPLETED, TimeoutError, asyncWith, createTask, getRunningLoop, sleep, timeout, wait, waitFor } from "../../src/index.js";
import { log, pyFloat } from "../harness.js";

export const meta = {
  title: "infinite deadlines",
  description: "An infinite delay or deadline is a time, as float('inf') is in CPython: sleep(inf) sleeps until cancelled, wait_for, timeout and wait with an infinite limit never time out, a timer at -inf fires in the next iteration, and sleep(-inf) is sleep(0).",
};

function now() {
  return pyFloat(getRunningLoop().time());
}

async function setter(ev: Event) {
  await sleep(5);
  log("setting the event");
  ev.set();
}

export async function main() {
  const loop = getRunningLoop();
  // sleep(inf) sleeps until it is cancelled
  const forever = createTask(() => sleep(Infinity));
  // wait_for and timeout with an infinite limit never time out
  const ev = new Event();
  createTask(() => setter(ev));
  log("wait_for(inf) ->", await waitFor(ev.wait(), Infinity), "at", now());
  const cm = await asyncWith(timeout(Infinity), async (cm) => {
    await sleep(1);
    return cm;
  });
  log("timeout(inf) expired() ->", cm.expired(), "when() ->", pyFloat(cm.when() as number), "at", now());
  // asyncio.wait with an infinite timeout returns when the task is done
  const quick = createTask(() => sleep(2));
  const [done, pending] = await wait([quick, forever], { timeout: Infinity, returnWhen: FIRST_COMPLETED });
  log("wait(inf):", done.size, "done,", pending.size, "pending at", now());
  // a timer at +inf never fires; one at -inf fires in the next iteration
  const never = loop.callLater(Infinity, log, "never");
  loop.callAt(-Infinity, log, "call_at(-inf) fired at", now());
  // sleep(-inf) is sleep(0): one bare yield
  await sleep(-Infinity);
  log("after sleep(-inf) at", now());
  // timeout(-inf) expires at once
  try {
    await asyncWith(timeout(-Infinity), async () => {
      await sleep(1);
    });
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    log("timeout(-inf) timed out at", now());
  }
  never.cancel();
  forever.cancel();
  try {
    await forever;
  } catch (e) {
    log("sleep(inf) cancelled at", now());
  }
}
