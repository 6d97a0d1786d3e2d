import { ExceptionGroup, type Task, TaskGroup, asyncWith, currentTask, getRunningLoop, sleep } from "../../src/index.js";
import { ValueError, log, pyFloat } from "../harness.js";

export const meta = {
  title: "TaskGroup: the parent is uncancelled after the group",
  description: "The cancel a TaskGroup sends its parent on a child error is withdrawn on exit (cancelling() back to 0), so the parent can keep awaiting and open another group.",
};

function* failSoon(): Generator<unknown, never, unknown> {
  yield* sleep(1);
  throw new ValueError("boom");
}

function* again() {
  yield* sleep(1);
  return "again";
}

export function* main() {
  const loop = getRunningLoop();
  try {
    yield* asyncWith(new TaskGroup(), function* (tg) {
      tg.createTask(failSoon());
      yield* sleep(5);
    });
  } catch (eg) {
    if (!(eg instanceof ExceptionGroup)) throw eg;
    log("caught", eg.name, "cancelling", currentTask()!.cancelling());
  }
  yield* sleep(2);
  log("parent sleeps on undisturbed until", pyFloat(loop.time()));
  let t!: Task<string>;
  yield* asyncWith(new TaskGroup(), function* (tg) {
    t = tg.createTask(again());
  });
  log("a second group works", t.result());
  return "ok";
}
