/**
 * Simulated subprocesses under exploration: a run stays a pure function of
 * its seed (the determinism self-check), and an order between one child's
 * output and another child's exit is a schedule explore can find, shrink and
 * replay.
 */
import { describe, expect, it } from "vitest";
import { createSubprocessExec, gather, PIPE, processes } from "../index.js";
import { explore, replay } from "../testing.js";

/**
 * Reads child a's output and waits for child b's exit; fails if b's exit is
 * seen first. Both children are fixed results that write and exit at once:
 * in CPython's order a's line is read first; the readers' and waiters' tasks
 * wake in the same iterations, so another order of the ready tasks sees b's
 * exit first.
 */
function* twoChildren(check = true) {
  processes().register("a", { stdout: "from a\n" });
  processes().register("b", { stdout: "from b\n" });
  const a = yield* createSubprocessExec("a", { stdout: PIPE });
  const b = yield* createSubprocessExec("b", { stdout: PIPE });
  let aRead = false;
  function* readA() {
    yield* a.stdout!.readline();
    aRead = true;
  }
  function* waitB() {
    yield* b.wait();
    if (check && !aRead) throw new Error("b's exit was seen before a's output was read");
  }
  yield* gather(readA(), waitB(), a.wait());
}

describe("subprocesses under explore", () => {
  it("every run is the same when run twice (selfCheck), over many seeds", async () => {
    const r = await explore(() => twoChildren(false), { strategy: "random", runs: 300, selfCheck: true, seed: 1 });
    expect(r).toEqual({ failed: false, runs: 300 });
  });

  it("CPython's order passes; explore finds the order where b's exit comes first, and the tape replays it", async () => {
    await expect(replay(() => twoChildren(), "")).resolves.toBeUndefined();
    const r = await explore(() => twoChildren(), { strategy: "random", runs: 500, seed: 7 });
    expect(r.failed).toBe(true);
    expect(r.shrunkTape).toBe("0:1"); // one decision away from CPython's order
    expect((r.error as Error).message).toBe("b's exit was seen before a's output was read");
    await expect(replay(() => twoChildren(), r.shrunkTape as string)).rejects.toThrow("b's exit was seen before a's output was read");
  });
});
