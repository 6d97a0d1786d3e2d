import { Event, createTask, gather, sleep } from "../../src/index.js";
import { log } from "../harness.js";

export const meta = {
  title: "Event.set() wakes every waiter",
  description: "set() wakes all tasks blocked in wait(), in the order they started waiting, and each wait() returns True; a second set() is a no-op.",
};

function* waiter(ev: Event, name: string) {
  log(name, "waiting");
  const r = yield* ev.wait();
  log(name, "woke, wait() ->", r);
}

export function* main() {
  const ev = new Event();
  const ts = ["W1", "W2", "W3"].map((n) => createTask(waiter(ev, n), { name: n }));
  yield* sleep(1);
  log("is_set() before:", ev.isSet());
  ev.set();
  log("is_set() after:", ev.isSet());
  yield* gather(...ts);
  ev.set();
  log("a second set() changes nothing; is_set():", ev.isSet());
  ev.clear();
  log("after clear(), is_set():", ev.isSet());
}
