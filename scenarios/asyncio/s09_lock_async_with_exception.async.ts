import { Lock, ValueError, asyncWith, createTask, sleep } from "../../src/index.js";
import { log } from "../harness.js";

export const meta = {
  title: "an exception inside `async with lock` releases it",
  description: "When the body of `async with lock` raises, __aexit__ releases the lock, the exception propagates, and the next waiter gets the lock.",
};

async function failing(lock: Lock) {
  await asyncWith(lock, async () => {
    log("failing holds the lock");
    await sleep(1);
    throw new ValueError("boom");
  });
}

async function patient(lock: Lock) {
  log("patient waits");
  await asyncWith(lock, async () => {
    log("patient got the lock");
  });
  return "ok";
}

export async function main() {
  const lock = new Lock();
  const f = createTask(() => failing(lock), { name: "failing" });
  const p = createTask(() => patient(lock), { name: "patient" });
  try {
    await f;
  } catch (e) {
    if (!(e instanceof ValueError)) throw e;
    log("failing raised", e, "locked() =", lock.locked());
  }
  const r = await p;
  log("patient returned", r, "locked() =", lock.locked());
  return r;
}
