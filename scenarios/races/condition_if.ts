/**
 * A Condition waited on with `if` instead of `while`: a notified consumer
 * must re-acquire the lock before it returns from wait(), and another
 * consumer that gets the lock first can take the item it was woken for.
 */
import { Condition, asyncWith, createTask, gather, sleep } from "../../src/index.js";
import type { RaceMeta } from "./types.js";

export const meta: RaceMeta = {
  title: "a Condition checked with if instead of while",
  bug: "a consumer does `if (queue empty) await cond.wait()` and then takes an item; notify() only wakes it, and until it has re-acquired the lock another consumer that arrives at that moment can take the lock and the item, so the woken consumer takes from an empty queue.",
  fix: "re-check after every wake-up: `while (queue empty) await cond.wait()` (or `cond.waitFor(() => queue.length > 0)`).",
  strategy: "dfs",
  budget: 50,
  heisenbug: true,
  throws: { name: "Error", message: /^consumer \d woke up to an empty queue: another consumer took the item it was notified for$/ },
};

function* shop(fixed: boolean): Generator<unknown, void, unknown> {
  const cond = new Condition();
  const orders: string[] = [];
  const served: string[] = [];

  function* consumer(id: number, arrival: number) {
    yield* sleep(arrival);
    yield* asyncWith(cond, function* () {
      if (fixed) {
        while (orders.length === 0) yield* cond.wait();
      } else if (orders.length === 0) {
        yield* cond.wait(); // BUG: the queue is not re-checked after waking
      }
      const order = orders.shift();
      if (order === undefined) throw new Error(`consumer ${id} woke up to an empty queue: another consumer took the item it was notified for`);
      served.push(`${order} by consumer ${id}`);
    });
  }

  function* producer() {
    for (const order of ["order A", "order B"]) {
      yield* sleep(1); // order A arrives at t=1, order B at t=2
      yield* asyncWith(cond, function* () {
        orders.push(order);
        cond.notify();
      });
    }
  }

  // consumer 1 waits from the start; consumer 2 arrives at t=1, just as order A does
  yield* gather(
    createTask(consumer(2, 1), { name: "consumer 2" }),
    createTask(consumer(1, 0), { name: "consumer 1" }),
    createTask(producer(), { name: "producer" }),
  );
  if (served.length !== 2) throw new Error(`served ${served.length} orders`);
}

export const buggy = () => shop(false);
export const fixed = () => shop(true);
