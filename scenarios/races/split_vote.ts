/**
 * Livelock: a leader election with a fixed election timeout. Two nodes
 * that start campaigning at the same moment both see a split vote, both
 * withdraw, both wait the same timeout, and start again together, forever.
 * (Raft randomises its election timeouts for exactly this reason.)
 */
import { createTask, gather, sleep } from "../../src/index.js";
import type { RaceMeta } from "./types.js";

export const meta: RaceMeta = {
  title: "livelock: split votes with a fixed election timeout",
  bug: "each node announces its candidacy, waits for the votes, and on a split vote withdraws and retries after the same fixed timeout; the nodes start 50 ms apart, but if one timer fires 50 ms early or late they campaign in lockstep and split the vote forever (the step budget runs out).",
  fix: "each node waits a different timeout after a split vote (0.15 s + 0.12 s per node id, wider than the timers' jitter), so the next round cannot be simultaneous.",
  strategy: "dfs",
  budget: 50,
  heisenbug: true,
  throws: { name: "StepBudgetExceeded", message: /^step budget exceeded: ran 4000 handles by t=[\d.]+/ },
  options: { jitter: 0.05, maxSteps: 4000 },
};

function* cluster(fixed: boolean): Generator<unknown, void, unknown> {
  const candidates = new Set<number>();
  let leader: number | null = null;

  function* node(id: number, bootTime: number) {
    yield* sleep(bootTime);
    while (leader === null) {
      candidates.add(id);
      yield* sleep(0); // request votes: one round-trip
      if (candidates.size === 1) {
        leader = id;
        return;
      }
      yield* sleep(0); // split vote: tell the others we withdraw
      candidates.delete(id);
      yield* sleep(fixed ? 0.15 + 0.12 * id : 0.15); // election timeout, then retry
    }
  }

  yield* gather(createTask(node(0, 0.1), { name: "node 0" }), createTask(node(1, 0.15), { name: "node 1" }));
  if (leader === null) throw new Error("no leader was elected");
}

export const buggy = () => cluster(false);
export const fixed = () => cluster(true);
