import { ExceptionGroup, type Task, TaskGroup, asyncWith, currentTask, getRunningLoop, sleep } from "../../src/index.js";
import { ValueError, log, pyFloat } from "../harness.js";

export const meta = {
  title: "TaskGroup: the parent is uncancelled after the group",
  description: "The cancel a TaskGroup sends its parent on a child error is withdrawn on exit (cancelling() back to 0), so the parent can keep awaiting and open another group.",
};

async function failSoon(): Promise<never> {
  await sleep(1);
  throw new ValueError("boom");
}

async function again() {
  await sleep(1);
  return "again";
}

export async function main() {
  const loop = getRunningLoop();
  try {
    await asyncWith(new TaskGroup(), async (tg) => {
      tg.createTask(() => failSoon());
      await sleep(5);
    });
  } catch (eg) {
    if (!(eg instanceof ExceptionGroup)) throw eg;
    log("caught", eg.name, "cancelling", currentTask()!.cancelling());
  }
  await sleep(2);
  log("parent sleeps on undisturbed until", pyFloat(loop.time()));
  let t!: Task<string>;
  await asyncWith(new TaskGroup(), async (tg) => {
    t = tg.createTask(() => again());
  });
  log("a second group works", t.result());
  return "ok";
}
