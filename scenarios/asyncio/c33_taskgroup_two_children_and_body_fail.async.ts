import { CancelledError, ExceptionGroup, TaskGroup, asyncWith, currentTask, sleep } from "../../src/index.js";
import { KeyError, ValueError, ZeroDivisionError, log } from "../harness.js";

export const meta = {
  title: "TaskGroup: two failing children and a failing body",
  description: "The ExceptionGroup lists the children's errors in the order they failed and the body's own error last; the group's cancel of the parent is taken back.",
};

async function fail(n: number, exc: Error): Promise<never> {
  await sleep(n);
  log("child", n, "raises", exc.name);
  throw exc;
}

export async function main() {
  try {
    await asyncWith(new TaskGroup(), async (tg) => {
      tg.createTask(() => fail(1, new ValueError("a")), { name: "c1" });
      tg.createTask(() => fail(1, new ZeroDivisionError("b")), { name: "c2" });
      try {
        await sleep(10);
      } catch (e) {
        if (!(e instanceof CancelledError)) throw e;
        log("body cancelled, raises KeyError");
        throw new KeyError("body");
      }
    });
  } catch (eg) {
    if (!(eg instanceof ExceptionGroup)) throw eg;
    log(eg.name, eg.exceptions.map((x) => (x as Error).name));
  }
  log("cancelling", currentTask()!.cancelling());
  return "ok";
}
