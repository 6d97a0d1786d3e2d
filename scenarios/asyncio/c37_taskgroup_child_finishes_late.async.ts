import { CancelledError, ExceptionGroup, type Task, TaskGroup, asyncWith, getRunningLoop, sleep } from "../../src/index.js";
import { ValueError, log, pyFloat } from "../harness.js";

export const meta = {
  title: "TaskGroup: a child that catches its cancellation finishes late",
  description: "After a child error the group still waits for a sibling that swallows its cancellation and keeps working; that sibling ends with its result, not cancelled.",
};

async function failSoon(): Promise<never> {
  await sleep(1);
  log("failer raises");
  throw new ValueError("boom");
}

async function stubborn() {
  try {
    await sleep(10);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    log("stubborn caught the cancellation; cleaning up");
  }
  await sleep(2);
  log("stubborn finishes");
  return "late";
}

export async function main() {
  const loop = getRunningLoop();
  let s!: Task<string>;
  try {
    await asyncWith(new TaskGroup(), async (tg) => {
      tg.createTask(() => failSoon(), { name: "failer" });
      s = tg.createTask(() => stubborn(), { name: "stubborn" });
    });
  } catch (eg) {
    if (!(eg instanceof ExceptionGroup)) throw eg;
    log("group raised at", pyFloat(loop.time()), eg.exceptions.map((x) => (x as Error).name));
  }
  log("stubborn result", s.result(), "cancelled", s.cancelled());
  return "ok";
}
