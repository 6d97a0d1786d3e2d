import { getRunningLoop } from "../../src/index.js";
import { log, py, ValueError } from "../harness.js";

export const meta = {
  title: "futures completed by timers",
  description: "A future completed by a call_later callback (set_result or set_exception) wakes its awaiter one iteration later, with the result or the exception.",
};

export async function main() {
  const loop = getRunningLoop();
  const fut = loop.createFuture<string>();
  loop.callLater(2, (v: string) => fut.setResult(v), "ready");
  const bad = loop.createFuture();
  loop.callLater(1, (e: Error) => bad.setException(e), new ValueError("late failure"));
  try {
    await bad;
  } catch (e) {
    if (!(e instanceof ValueError)) throw e;
    log("bad raised ValueError:", py(e));
  }
  const v = await fut;
  log("fut ->", v);
  return v;
}
