import { Condition, Event, Lock, asyncWith, createTask, sleep } from "../../src/index.js";
import { log } from "../harness.js";

export const meta = {
  title: "repr of Lock, Event and Condition",
  description: "Each prints its state and, while tasks wait, how many; a waiter leaves the count when its task runs again, not when it is cancelled or woken.",
};

async function waitOn(cond: Condition) {
  await asyncWith(cond, async () => {
    await cond.wait();
  });
}

export async function main() {
  const lock = new Lock();
  log("lock", String(lock));
  await lock.acquire();
  log("lock", String(lock));
  const a = createTask(() => lock.acquire());
  const b = createTask(() => lock.acquire());
  await sleep(0);
  log("lock", String(lock));
  a.cancel();
  log("lock, a waiter cancelled", String(lock));
  await sleep(0);
  log("lock", String(lock));
  lock.release();
  log("lock released", String(lock));
  await sleep(0);
  log("lock", String(lock), String(b));
  const event = new Event();
  log("event", String(event));
  createTask(() => event.wait());
  await sleep(0);
  log("event", String(event));
  event.set();
  log("event", String(event));
  await sleep(0);
  log("event", String(event));
  const cond = new Condition();
  log("condition", String(cond));
  createTask(() => waitOn(cond));
  createTask(() => waitOn(cond));
  await sleep(0);
  log("condition", String(cond));
  await asyncWith(cond, async () => {
    log("condition", String(cond));
    cond.notify();
    log("condition", String(cond));
  });
  await sleep(0);
  log("condition", String(cond));
  await sleep(0);
  log("condition", String(cond));
}
