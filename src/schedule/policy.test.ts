/** A user-written SchedulingPolicy: what the loop asks it, and what it records. */
import { expect, test } from "vitest";
import { type EventLoop, createTask, gather, log, runSync, sleep } from "../index.js";
import type { ChoicePoint, SchedulingPolicy } from "./policy.js";

/** Always takes the last alternative; keeps a copy of every point it is shown. */
class LastPolicy implements SchedulingPolicy {
  readonly name = "last";
  readonly fifoTimers = false;
  readonly chooses = true;
  readonly needsCandidates = true;
  readonly seen: { kind: string; index: number; time: number; n: number; names: string[] }[] = [];

  choose(n: number, point: ChoicePoint): number {
    const names = point.candidates.map((c) => (c as { getName(): string }).getName());
    this.seen.push({ kind: point.kind, index: point.index, time: point.time, n, names });
    return n - 1;
  }
}

test("a custom policy is asked at every decision, with the tasks in CPython's order, and its answers make the tape", () => {
  const policy = new LastPolicy();
  let loop: EventLoop | undefined;
  const lines: string[] = [];
  runSync(
    function* () {
      const worker = function* (name: string) {
        yield* sleep(0);
        log(name);
      };
      yield* gather(createTask(worker("a"), { name: "a" }), createTask(worker("b"), { name: "b" }), createTask(worker("c"), { name: "c" }));
    },
    { strategy: policy, onLoop: (l) => (loop = l), onLog: (line) => lines.push(line) },
  );
  // Iteration 2: a, b, c are ready in that order (CPython's); the policy takes
  // the last each time: c, then of [a, b] b, then a. Their bare yields queue
  // them again in the order they ran, c, b, a, so iteration 3 offers [c, b, a]
  // and the policy's picks run a, b, c: their second steps log a, b, c.
  expect(policy.seen.map((p) => p.names)).toEqual([["a", "b", "c"], ["a", "b"], ["c", "b", "a"], ["c", "b"]]);
  expect(policy.seen.map((p) => p.index)).toEqual([0, 1, 2, 3]);
  expect(policy.seen.every((p) => p.kind === "ready" && p.time === 0)).toBe(true);
  expect(loop!.tape).toEqual([2, 1, 2, 1]);
  expect(lines.map((l) => l.slice(-1))).toEqual(["a", "b", "c"]);
});
