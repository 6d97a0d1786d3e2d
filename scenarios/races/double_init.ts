/**
 * Double initialisation: ensureConnected() checks a state flag, awaits
 * (a log write), and only then marks the pool as "connecting". Two
 * components starting up together can both pass the check.
 */
import { Event, createTask, gather, sleep } from "../../src/index.js";
import type { RaceMeta } from "./types.js";

export const meta: RaceMeta = {
  title: "double initialisation of a shared resource",
  bug: 'ensureConnected() checks state === "idle", awaits a log write, and only then sets state = "connecting": a second component that checks in that window also sees "idle" and opens a second pool.',
  fix: 'claim the resource before the first await: set state = "connecting" in the same step as the check (check-and-set is atomic between awaits), and let latecomers wait on the Event.',
  strategy: "dfs",
  budget: 50,
  heisenbug: true,
  throws: { name: "Error", message: /^double init: 2 connection pools were opened \(one leaks\)$/ },
};

function* app(fixed: boolean): Generator<unknown, void, unknown> {
  const pool = { state: "idle" as "idle" | "connecting" | "ready", opened: 0 };
  const ready = new Event();

  function* log(_line: string) {
    yield* sleep(0); // an async logger: one round-trip
  }

  function* ensureConnected(): Generator<unknown, void, unknown> {
    if (pool.state === "ready") return;
    if (pool.state === "connecting") {
      yield* ready.wait();
      return;
    }
    if (fixed) pool.state = "connecting"; // claimed before any await
    yield* log("opening the connection pool");
    pool.state = "connecting"; // (buggy) claimed too late: the check above may be stale
    pool.opened++;
    yield* sleep(0.2); // open the sockets
    pool.state = "ready";
    ready.set();
  }

  function* webServer() {
    yield* ensureConnected();
  }
  function* scheduler() {
    yield* log("scheduler starting"); // one await before it needs the database
    yield* ensureConnected();
  }
  yield* gather(createTask(webServer(), { name: "web" }), createTask(scheduler(), { name: "scheduler" }));
  if (pool.opened !== 1) throw new Error(`double init: ${pool.opened} connection pools were opened (one leaks)`);
}

export const buggy = () => app(false);
export const fixed = () => app(true);
