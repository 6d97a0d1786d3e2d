import { Semaphore, createTask, gather, sleep } from "../../src/index.js";
import { log } from "../harness.js";

type Coro = (sem: Semaphore) => Promise<void>;

export const meta = {
  title: "Semaphore: a pending waiter blocks newcomers even when the value is positive",
  description: "In 3.12 locked() is True while any waiter is not cancelled, so after c2 releases (value 1, c3 woken but not yet run) its new acquire() queues; c3 then wakes c2 because the value is still positive.",
};

async function c1(sem: Semaphore) {
  await sem.acquire();
  log("c1 acquired");
}

async function c2(sem: Semaphore) {
  await sem.acquire();
  log("c2 acquired");
  sem.release();
  log("c2 released; locked() =", sem.locked());
  await sem.acquire();
  log("c2 acquired again");
}

async function c3(sem: Semaphore) {
  await sem.acquire();
  log("c3 acquired");
}

export async function main() {
  const sem = new Semaphore(1);
  const ts = ([c1, c2, c3] as Coro[]).map((c) => createTask(() => c(sem), { name: c.name }));
  await sleep(0);
  sem.release();
  sem.release();
  log("two releases; locked() =", sem.locked());
  await gather(...ts);
  log("locked() =", sem.locked());
}
