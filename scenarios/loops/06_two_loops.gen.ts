import { newEventLoop, sleep } from "../../src/index.js";
import { fmtTime, say } from "./say.js";

export const meta = {
  title: "Two loops, used in turn",
  description: "Each loop has its own clock, its own tasks and its own task numbers; a loop's tasks run only while that loop runs.",
};

function* count(name: string, n: number) {
  for (let i = 0; i < n; i++) yield* sleep(1);
  say(name, "counted to", n);
  return n;
}

export function main(): void {
  const a = newEventLoop();
  const b = newEventLoop();
  const ta = a.createTask(count("a", 3));
  const tb = b.createTask(count("b", 2));
  a.runUntilCompleteSync(sleep(1.5));
  say("a at", fmtTime(a.time()), "b at", fmtTime(b.time()));
  say("b:", b.runUntilCompleteSync(tb));
  say("a:", a.runUntilCompleteSync(ta));
  say("a at", fmtTime(a.time()), "b at", fmtTime(b.time()), "tasks", ta.getName(), tb.getName());
  a.close();
  b.close();
}
