/**
 * Dining philosophers: five philosophers, five forks; each picks up the
 * left fork, then the right one. If all five hold their left fork at once,
 * nobody can ever eat.
 */
import { Lock, asyncWith, createTask, gather, sleep } from "../../src/index.js";
import type { RaceMeta } from "./types.js";

const N = 5;

export const meta: RaceMeta = {
  title: "dining philosophers",
  bug: "every philosopher takes the left fork, reaches for the right one (an await), then takes it: if all of them hold their left fork at the same time, each waits for a neighbour forever.",
  fix: "break the cycle: every philosopher picks up the lower-numbered of its two forks first (a global lock order), so the last one reaches for fork 0 first and the cycle cannot close.",
  strategy: "random",
  budget: 100,
  heisenbug: true,
  throws: { name: "DeadlockError", message: /^deadlock at t=\d+: no handle is ready and no timer is pending/ },
};

function* table(fixed: boolean): Generator<unknown, void, unknown> {
  const forks = Array.from({ length: N }, () => new Lock());
  let meals = 0;

  function* philosopher(i: number) {
    const left = i;
    const right = (i + 1) % N;
    const [first, second] = fixed ? [Math.min(left, right), Math.max(left, right)] : [left, right];
    for (let k = 0; k < i; k++) yield* sleep(0); // philosopher i sits down i moments after philosopher 0
    for (let round = 0; round < 2; round++) {
      yield* asyncWith(forks[first], function* () {
        yield* sleep(0); // reach for the other fork
        yield* asyncWith(forks[second], function* () {
          yield* sleep(0); // eat
          meals++;
        });
      });
      yield* sleep(0); // think
    }
  }
  yield* gather(...Array.from({ length: N }, (_, i) => createTask(philosopher(i), { name: `philosopher ${i}` })));
  if (meals !== 2 * N) throw new Error(`only ${meals} meals were eaten`);
}

export const buggy = () => table(false);
export const fixed = () => table(true);
