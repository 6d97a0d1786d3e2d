import { newEventLoop } from "../../src/index.js";
import { fmtTime, say } from "./say.js";

export const meta = {
  title: "run_forever runs until stop(), which ends the current iteration",
  description: "stop() lets every callback of the current iteration run and none of the next; stop() before run_forever makes it run exactly one iteration.",
};

export function main(): void {
  const loop = newEventLoop();
  const cb = (name: string) => say("callback", name);
  const later = () => {
    say("later schedules c");
    loop.callSoon(cb, "c");
  };

  loop.callSoon(cb, "a");
  loop.callSoon(() => loop.stop());
  loop.callSoon(cb, "b");
  loop.callSoon(later);
  loop.runForeverSync();
  say("run_forever returned at", fmtTime(loop.time()));

  loop.callLater(5, () => loop.stop());
  loop.callLater(3, cb, "at 3");
  loop.callLater(7, cb, "at 7");
  loop.runForeverSync();
  say("run_forever returned at", fmtTime(loop.time()));

  loop.stop();
  loop.callSoon(cb, "d");
  loop.runForeverSync();
  say("a pre-stopped run_forever returned at", fmtTime(loop.time()));

  loop.callSoon(() => loop.callSoon(() => loop.stop()));
  loop.runForeverSync();
  say("run_forever returned at", fmtTime(loop.time()));
  loop.close();
}
