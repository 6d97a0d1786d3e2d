/**
 * Lost wake-up: the producer "pulses" an Event (set() then clear() at once)
 * to say "there is work". A worker that checked the queue, found it empty,
 * and has not started waiting yet misses the pulse and sleeps forever.
 */
import { Event, createTask, sleep } from "../../src/index.js";
import type { RaceMeta } from "./types.js";

export const meta: RaceMeta = {
  title: "lost wake-up: an Event cleared too early",
  bug: "the producer calls set() and clear() back to back, so the event is a pulse that only tasks already waiting see; the worker checks the queue, awaits (a log write), then waits: a pulse in that window is lost and the worker never wakes.",
  fix: "the producer only set()s; the worker clear()s the event before it checks the queue (clear, check, wait), so a set() after the check is never lost.",
  strategy: "dfs",
  budget: 50,
  heisenbug: true,
  throws: { name: "DeadlockError", message: /^deadlock at t=0: no handle is ready and no timer is pending/ },
};

function* service(fixed: boolean): Generator<unknown, void, unknown> {
  const jobs: string[] = [];
  const workAvailable = new Event();
  const done: string[] = [];
  const jobDone = new Event();

  function* worker() {
    for (;;) {
      if (fixed) workAvailable.clear(); // clear *before* checking: a later set() stays set
      if (jobs.length === 0) {
        yield* sleep(0); // await metrics.report("idle"): the check above goes stale
        yield* workAvailable.wait();
        continue;
      }
      const job = jobs.shift() as string;
      yield* sleep(0); // handle the job
      done.push(job);
      jobDone.set();
    }
  }

  function submit(job: string): void {
    jobs.push(job);
    workAvailable.set();
    if (!fixed) workAvailable.clear(); // a "pulse": only tasks already waiting see it
  }

  function* producer() {
    yield* sleep(0); // connect to the broker
    submit("resize");
    yield* jobDone.wait(); // wait for the worker to finish it
  }

  const w = createTask(worker(), { name: "worker" });
  const p = createTask(producer(), { name: "producer" });
  yield* p;
  w.cancel(); // shut the worker down
  if (done.join() !== "resize") throw new Error(`jobs done: ${done.join()}`);
}

export const buggy = () => service(false);
export const fixed = () => service(true);
