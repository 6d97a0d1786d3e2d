/**
 * Simulated subprocesses under exploration: a run stays a pure function of
 * its seed (the determinism self-check), and an order between one child's
 * output and another child's exit is a schedule explore can find, shrink and
 * replay.
 */
import { describe, expect, it } from "vitest";
import { createSubprocessExec, gather, PIPE, processes, run } from "../index.js";
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
    // one decision away from CPython's order (its index depends on the exit decisions before it)
    expect((r.shrunkTape as string).split(" ")).toHaveLength(1);
    expect(r.shrunkTape).toMatch(/^\d+:[1-9]$/);
    expect((r.error as Error).message).toBe("b's exit was seen before a's output was read");
    await expect(replay(() => twoChildren(), r.shrunkTape as string)).rejects.toThrow("b's exit was seen before a's output was read");
  });
});

describe("when a child exits relative to its output", () => {
  /** What the parent knows of the child's exit when its output line arrives. */
  function* oneChild(): Generator<unknown, number | null, unknown> {
    processes().register("tool", { stdout: "out\n" });
    const p = yield* createSubprocessExec("tool", { stdout: PIPE });
    yield* p.stdout!.readline();
    const seen = p.returncode;
    yield* p.wait();
    return seen;
  }

  it("is a decision of the tape: 0 exits with the output (CPython's recordings), 1 once the parent has read the pipe, so the line arrives before the exit is known", async () => {
    let loop: { choiceLog: readonly { names: readonly string[] }[] } | null = null;
    await run(oneChild, { strategy: "random", seed: 0, recordChoices: true, onLoop: (l) => (loop = l) });
    expect(loop!.choiceLog[0]?.names).toEqual(["tool (pid 1001) exits with its output", "tool (pid 1001) exits once its output is read"]);
    expect(await run(oneChild)).toBe(0); // CPython's order: the exit is known by the time the line is read
    expect(await replay(oneChild, "")).toBe(0);
    expect(await replay(oneChild, "0:1")).toBe(null);
  });
});
