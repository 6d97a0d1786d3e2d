import { CancelledError, ExceptionGroup, TaskGroup, asyncWith, sleep } from "../../src/index.js";
import { ValueError, log } from "../harness.js";

export const meta = {
  title: "nested TaskGroups",
  description: "A child that runs its own failing TaskGroup fails with that group's ExceptionGroup, which the outer group nests inside its own ExceptionGroup after cancelling the other children.",
};

function* failSoon(): Generator<unknown, never, unknown> {
  yield* sleep(1);
  throw new ValueError("deep");
}

function* innerGroup() {
  yield* asyncWith(new TaskGroup(), function* (tg) {
    tg.createTask(failSoon(), { name: "failer" });
    yield* sleep(10);
  });
}

function* sleeper() {
  try {
    yield* sleep(10);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    log("sleeper cancelled");
    throw e;
  }
}

export function* main() {
  try {
    yield* asyncWith(new TaskGroup(), function* (outer) {
      outer.createTask(innerGroup(), { name: "inner" });
      outer.createTask(sleeper(), { name: "sleeper" });
    });
  } catch (eg) {
    if (!(eg instanceof ExceptionGroup)) throw eg;
    log("outer", eg.exceptions.map((x) => (x as Error).name));
    const nested = eg.exceptions[0] as ExceptionGroup;
    log("nested", nested.exceptions.map((x) => (x as Error).name));
  }
  return "ok";
}
