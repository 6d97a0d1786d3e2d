/**
 * Lock-ordering deadlock: transfer(a, b) locks a then b; a transfer the
 * other way locks b then a. If each takes its first lock before the other
 * takes its second, both wait forever.
 */
import { Lock, asyncWith, createTask, gather, sleep } from "../../src/index.js";
import type { RaceMeta } from "./types.js";

export const meta: RaceMeta = {
  title: "lock-ordering deadlock",
  bug: "transfer(from, to) locks `from`, awaits (reads its balance), then locks `to`: two transfers in opposite directions can each hold one account's lock and wait for the other's.",
  fix: "take the two locks in one global order (by account id) whatever the direction of the transfer.",
  strategy: "dfs",
  budget: 50,
  heisenbug: true,
  throws: { name: "DeadlockError", message: /^deadlock at t=0: no handle is ready and no timer is pending/ },
};

interface Account {
  id: string;
  balance: number;
  lock: Lock;
}

function* bank(fixed: boolean): Generator<unknown, void, unknown> {
  const alice: Account = { id: "alice", balance: 100, lock: new Lock() };
  const bob: Account = { id: "bob", balance: 100, lock: new Lock() };

  function* transfer(from: Account, to: Account, amount: number, parseSteps: number) {
    for (let i = 0; i < parseSteps; i++) yield* sleep(0); // parse and validate the request
    const [first, second] = fixed && to.id < from.id ? [to, from] : [from, to];
    yield* asyncWith(first.lock, function* () {
      yield* sleep(0); // read the first balance from the database
      yield* asyncWith(second.lock, function* () {
        yield* sleep(0); // write both balances
        from.balance -= amount;
        to.balance += amount;
      });
    });
  }
  yield* gather(
    createTask(transfer(alice, bob, 30, 0), { name: "alice->bob" }),
    createTask(transfer(bob, alice, 10, 1), { name: "bob->alice" }),
  );
  if (alice.balance + bob.balance !== 200) throw new Error("money was created or destroyed");
}

export const buggy = () => bank(false);
export const fixed = () => bank(true);
