import { Event, createTask, gather, sleep } from "../../src/index.js";
import { log } from "../harness.js";

export const meta = {
  title: "clear() right after set() still wakes every waiter",
  description: "set() resolves every waiter's future at once, so a clear() in the same step does not stop them: each wait() returns True while is_set() is already False; a later waiter blocks until the next set().",
};

function* waiter(ev: Event, name: string) {
  log(name, "waiting");
  const r = yield* ev.wait();
  log(name, "woke, wait() ->", r, "is_set() =", ev.isSet());
}

export function* main() {
  const ev = new Event();
  const ts = ["W1", "W2", "W3"].map((n) => createTask(waiter(ev, n), { name: n }));
  yield* sleep(1);
  ev.set();
  ev.clear();
  log("set() then clear(): is_set() =", ev.isSet());
  const late = createTask(waiter(ev, "late"), { name: "late" });
  yield* gather(...ts);
  log("all three woke; late done:", late.done());
  yield* sleep(1);
  log("late still waiting:", !late.done());
  ev.set();
  yield* late;
}
