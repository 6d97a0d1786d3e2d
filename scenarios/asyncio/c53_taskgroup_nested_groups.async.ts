import { CancelledError, ExceptionGroup, TaskGroup, asyncWith, sleep } from "../../src/index.js";
import { ValueError, log } from "../harness.js";

export const meta = {
  title: "nested TaskGroups",
  description: "A child that runs its own failing TaskGroup fails with that group's ExceptionGroup, which the outer group nests inside its own ExceptionGroup after cancelling the other children.",
};

async function failSoon(): Promise<never> {
  await sleep(1);
  throw new ValueError("deep");
}

async function innerGroup() {
  await asyncWith(new TaskGroup(), async (tg) => {
    tg.createTask(() => failSoon(), { name: "failer" });
    await sleep(10);
  });
}

async function sleeper() {
  try {
    await sleep(10);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    log("sleeper cancelled");
    throw e;
  }
}

export async function main() {
  try {
    await asyncWith(new TaskGroup(), async (outer) => {
      outer.createTask(() => innerGroup(), { name: "inner" });
      outer.createTask(() => sleeper(), { name: "sleeper" });
    });
  } catch (eg) {
    if (!(eg instanceof ExceptionGroup)) throw eg;
    log("outer", eg.exceptions.map((x) => (x as Error).name));
    const nested = eg.exceptions[0] as ExceptionGroup;
    log("nested", nested.exceptions.map((x) => (x as Error).name));
  }
  return "ok";
}
