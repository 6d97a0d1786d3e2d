import { Condition, asyncWith, createTask, gather, sleep } from "../../src/index.js";
import { log } from "../harness.js";

export const meta = {
  title: "Condition.wait_for(predicate)",
  description: "wait_for() checks the predicate first, then after every wake-up with the lock held, and returns the predicate's final value; a predicate already true returns without waiting.",
};

function* consumer(cond: Condition, state: { count: number }, name: string, need: number) {
  function enough() {
    log(name, "checks, count =", state.count);
    return state.count >= need ? state.count : 0;
  }

  yield* asyncWith(cond, function* () {
    const r = yield* cond.waitFor(enough);
    log(name, "wait_for() ->", r);
  });
}

export function* main() {
  const state = { count: 0 };
  const cond = new Condition();
  const a = createTask(consumer(cond, state, "A", 2), { name: "A" });
  const b = createTask(consumer(cond, state, "B", 3), { name: "B" });
  yield* sleep(0);
  for (let i = 0; i < 3; i++) {
    yield* asyncWith(cond, function* () {
      state.count += 1;
      log("count ->", state.count, "notify_all()");
      cond.notifyAll();
    });
    yield* sleep(1);
  }
  yield* asyncWith(cond, function* () {
    const r = yield* cond.waitFor(() => state.count);
    log("true at once, no wait:", r);
  });
  yield* gather(a, b);
}
