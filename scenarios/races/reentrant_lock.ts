/**
 * Re-entering a non-reentrant lock: withdraw() holds the account's lock and
 * calls audit(), which takes the same lock again. asyncio.Lock is not
 * reentrant, so the task waits for itself. No schedule is needed: this one
 * deadlocks in CPython's own order, every time (a Bohr bug, for contrast).
 */
import { Lock, asyncWith, sleep } from "../../src/index.js";
import type { RaceMeta } from "./types.js";

export const meta: RaceMeta = {
  title: "re-entering a non-reentrant Lock (deterministic)",
  bug: "withdraw() takes the account's Lock and, on an overdraft, calls audit(), which takes the same Lock again; asyncio.Lock is not reentrant, so the task waits on itself. This needs no unlucky schedule: it deadlocks in CPython's order every time.",
  fix: "split audit() into a locked entry point and an unlocked helper that expects the caller to hold the lock, and call the helper from withdraw().",
  strategy: "dfs",
  budget: 5,
  heisenbug: false,
  throws: { name: "DeadlockError", message: /^deadlock at t=0: no handle is ready and no timer is pending/ },
};

function* bank(fixed: boolean): Generator<unknown, void, unknown> {
  const account = { balance: 50, lock: new Lock(), flagged: false };

  function* auditUnlocked() {
    yield* sleep(0); // write the audit record
    account.flagged = true;
  }
  function* audit() {
    yield* asyncWith(account.lock, auditUnlocked);
  }
  function* withdraw(amount: number) {
    yield* asyncWith(account.lock, function* () {
      if (account.balance < amount) {
        if (fixed) yield* auditUnlocked();
        else yield* audit(); // takes account.lock again: waits for itself
        return;
      }
      account.balance -= amount;
    });
  }
  yield* withdraw(80);
  if (!account.flagged) throw new Error("the overdraft was not audited");
}

export const buggy = () => bank(false);
export const fixed = () => bank(true);
