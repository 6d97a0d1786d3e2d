/**
 * Lost update across an await: two deposits read the balance, await (an
 * audit write), and write back balance + amount. If both read before either
 * writes, one deposit vanishes.
 */
import { Lock, asyncWith, createTask, gather, sleep } from "../../src/index.js";
import type { RaceMeta } from "./types.js";

export const meta: RaceMeta = {
  title: "lost update across an await",
  bug: "deposit() reads the balance, awaits the audit log, then writes balance + amount: a second deposit that reads in between is overwritten.",
  fix: "hold a Lock around the whole read-modify-write, so no other deposit can read a balance that is about to change.",
  strategy: "dfs",
  budget: 50,
  heisenbug: true,
  throws: { name: "Error", message: /^lost update: balance is \d+, expected 150$/ },
};

function* bank(fixed: boolean): Generator<unknown, void, unknown> {
  const account = { balance: 0 };
  const audit: string[] = [];
  const lock = new Lock();

  function* readModifyWrite(who: string, amount: number) {
    const before = account.balance;
    yield* sleep(0); // await audit.write(...): the balance is stale from here on
    audit.push(`${who} +${amount}`);
    account.balance = before + amount;
  }

  function* deposit(who: string, amount: number, checks: number) {
    for (let i = 0; i < checks; i++) yield* sleep(0); // await fraud_check(...), one round-trip each
    if (fixed) yield* asyncWith(lock, () => readModifyWrite(who, amount));
    else yield* readModifyWrite(who, amount);
  }

  // alice's deposit needs one fraud check, bob's two: in CPython's order
  // alice has written before bob reads.
  yield* gather(
    createTask(deposit("alice", 100, 1), { name: "alice" }),
    createTask(deposit("bob", 50, 2), { name: "bob" }),
  );
  if (account.balance !== 150) throw new Error(`lost update: balance is ${account.balance}, expected 150`);
}

export const buggy = () => bank(false);
export const fixed = () => bank(true);
