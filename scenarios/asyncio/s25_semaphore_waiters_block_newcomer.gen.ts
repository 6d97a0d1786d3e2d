import { Semaphore, createTask, gather, sleep } from "../../src/index.js";
import { log } from "../harness.js";

type Coro = (sem: Semaphore) => Generator<unknown, void, unknown>;

export const meta = {
  title: "Semaphore: a pending waiter blocks newcomers even when the value is positive",
  description: "In 3.12 locked() is True while any waiter is not cancelled, so after c2 releases (value 1, c3 woken but not yet run) its new acquire() queues; c3 then wakes c2 because the value is still positive.",
};

function* c1(sem: Semaphore) {
  yield* sem.acquire();
  log("c1 acquired");
}

function* c2(sem: Semaphore) {
  yield* sem.acquire();
  log("c2 acquired");
  sem.release();
  log("c2 released; locked() =", sem.locked());
  yield* sem.acquire();
  log("c2 acquired again");
}

function* c3(sem: Semaphore) {
  yield* sem.acquire();
  log("c3 acquired");
}

export function* main() {
  const sem = new Semaphore(1);
  const ts = ([c1, c2, c3] as Coro[]).map((c) => createTask(c(sem), { name: c.name }));
  yield* sleep(0);
  sem.release();
  sem.release();
  log("two releases; locked() =", sem.locked());
  yield* gather(...ts);
  log("locked() =", sem.locked());
}
