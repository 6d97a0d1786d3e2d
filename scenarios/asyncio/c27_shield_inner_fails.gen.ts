import { createTask, shield, sleep } from "../../src/index.js";
import { ValueError, log, py } from "../harness.js";

export const meta = {
  title: "shield() of a failing task",
  description: "When the shielded task or coroutine raises, the outer future gets the same exception; a shielded coroutine runs in a new task.",
};

function* fragile(): Generator<unknown, never, unknown> {
  yield* sleep(1);
  log("fragile fails");
  throw new ValueError("broken");
}

export function* main() {
  const t = createTask(fragile(), { name: "fragile" });
  try {
    yield* shield(t);
  } catch (e) {
    if (!(e instanceof ValueError)) throw e;
    log("shield raised ValueError:", py(e));
  }
  try {
    yield* shield(fragile());
  } catch (e) {
    if (!(e instanceof ValueError)) throw e;
    log("shielded coroutine raised ValueError:", py(e));
  }
  return t.exception();
}
