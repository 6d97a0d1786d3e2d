import { describe, expect, test } from "vitest";
import { gather, Lock, runSync, sleep } from "vloop";
import { explore } from "vloop/testing";
import { exploreTest } from "vloop/vitest";

// Two transfers out of one account; each checks the balance, then awaits the bank.
function bank(locked: boolean) {
  return async () => {
    let balance = 100;
    const lock = new Lock();
    async function withdraw(amount: number) {
      if (locked) await lock.acquire();
      try {
        if (balance >= amount) {
          await sleep(0.1); // the bank's round trip, in virtual seconds
          balance -= amount;
        }
      } finally {
        if (locked) lock.release();
      }
    }
    await gather(() => withdraw(80), () => withdraw(80));
    if (balance < 0) throw new Error(`overdrawn: ${balance}`);
  };
}

describe("transfers", () => {
  test("virtual time: an hour of sleeping takes no wall time", () => {
    expect(runSync(function* () { yield* sleep(3600); return "done"; })).toBe("done");
  });

  test("without the lock, explore finds the overdraft", async () => {
    const result = await explore(() => bank(false), { strategy: "dfs" });
    expect(result.failed).toBe(true);
    expect(String(result.error)).toBe("Error: overdrawn: -60");
  });

  // with the lock, no order of the tasks overdraws
  exploreTest("with the lock, no schedule overdraws", () => bank(true), { strategy: "dfs" });
});
