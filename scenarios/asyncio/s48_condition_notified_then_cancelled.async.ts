import { CancelledError, Condition, asyncWith, createTask, gather, sleep } from "../../src/index.js";
import { log } from "../harness.js";

export const meta = {
  title: "a notified Condition waiter that is cancelled loses the notification (3.12)",
  description: "In 3.12 a waiter cancelled after notify(1) woke it re-acquires the lock and raises CancelledError without passing the notification on, so the other waiter keeps waiting until the next notify (3.13 passes it on).",
};

async function waiter(cond: Condition, name: string) {
  await asyncWith(cond, async () => {
    try {
      await cond.wait();
    } catch (e) {
      if (!(e instanceof CancelledError)) throw e;
      log(name, "cancelled after notify; locked() =", cond.locked());
      throw e;
    }
    log(name, "woke");
  });
}

export async function main() {
  const cond = new Condition();
  const a = createTask(() => waiter(cond, "A"), { name: "A" });
  const b = createTask(() => waiter(cond, "B"), { name: "B" });
  await sleep(0);
  await asyncWith(cond, async () => {
    cond.notify(1);
  });
  log("notified A; cancel A ->", a.cancel());
  await sleep(1);
  log("in 3.12 the notification is lost: B done =", b.done());
  await asyncWith(cond, async () => {
    cond.notify(1);
  });
  await gather(a, b, { returnExceptions: true });
  log("A cancelled:", a.cancelled(), "B cancelled:", b.cancelled());
}
