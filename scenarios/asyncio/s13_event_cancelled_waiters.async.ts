import { CancelledError, Event, createTask, gather, sleep } from "../../src/index.js";
import { log } from "../harness.js";

export const meta = {
  title: "cancelled Event waiters",
  description: "A waiter cancelled before set() leaves the others untouched, and a waiter cancelled after set() but before it ran still gets CancelledError instead of returning True.",
};

async function waiter(ev: Event, name: string) {
  try {
    await ev.wait();
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    log(name, "cancelled");
    throw e;
  }
  log(name, "woke");
}

export async function main() {
  const ev = new Event();
  const ts = ["W1", "W2", "W3", "W4"].map((n) => createTask(() => waiter(ev, n), { name: n }));
  await sleep(0);
  ts[1].cancel();
  await sleep(0);
  log("W2 is gone; set() now");
  ev.set();
  ts[2].cancel();
  log("W3 cancelled after set() but before it ran");
  await gather(...ts, { returnExceptions: true });
  log("cancelled:", ts.map((t) => t.cancelled()));
}
