import { CancelledError, ExceptionGroup, type Task, TaskGroup, asyncWith, sleep } from "../../src/index.js";
import { ValueError, log, py } from "../harness.js";

export const meta = {
  title: "TaskGroup: a failing child cancels its siblings and the body",
  description: "The first child error cancels every other child and the task running the body; the group then raises an ExceptionGroup holding that error.",
};

async function failSoon(): Promise<never> {
  await sleep(1);
  log("child fails");
  throw new ValueError("boom");
}

async function sibling() {
  try {
    await sleep(10);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    log("sibling cancelled");
    throw e;
  }
}

export async function main() {
  let s!: Task<void>;
  try {
    await asyncWith(new TaskGroup(), async (tg) => {
      tg.createTask(() => failSoon(), { name: "failer" });
      s = tg.createTask(() => sibling(), { name: "sibling" });
      try {
        await sleep(10);
      } catch (e) {
        if (!(e instanceof CancelledError)) throw e;
        log("body cancelled");
        throw e;
      }
      log("not printed");
    });
  } catch (eg) {
    if (!(eg instanceof ExceptionGroup)) throw eg;
    log(eg.name, eg.exceptions.map((x) => (x as Error).name));
    log("message", py(eg.exceptions[0]));
  }
  log("sibling cancelled", s.cancelled());
  return "ok";
}
