import { ExceptionGroup, type Task, TaskGroup, asyncWith, sleep } from "../../src/index.js";
import { ValueError, log, py } from "../harness.js";

export const meta = {
  title: "TaskGroup: the body raises before the children start",
  description: "An error in the body aborts the group: children are cancelled before their first step, and the body's error is raised inside an ExceptionGroup.",
};

async function child(n: number) {
  log("child", n, "runs"); // never: cancelled before its first step
  await sleep(n);
}

export async function main() {
  let a!: Task<void>;
  let b!: Task<void>;
  try {
    await asyncWith(new TaskGroup(), async (tg) => {
      a = tg.createTask(() => child(1), { name: "a" });
      b = tg.createTask(() => child(2), { name: "b" });
      throw new ValueError("body fails at once");
    });
  } catch (eg) {
    if (!(eg instanceof ExceptionGroup)) throw eg;
    log(eg.name, eg.exceptions.map((x) => (x as Error).name));
    log("message", py(eg.exceptions[0]));
  }
  log("children cancelled", a.cancelled(), b.cancelled());
  return "ok";
}
