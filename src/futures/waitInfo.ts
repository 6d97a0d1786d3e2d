/**
 * Deadlock-report texts for waits on several futures at once: gather(),
 * wait(), a TaskGroup's end, asCompleted(). (The report itself is
 * loop/deadlockReport.ts; each future and primitive describes its own wait.)
 */
import type { WaitEdge, WaitInfo } from "../loop/deadlockReport.js";
import { nameList } from "../util/reportNames.js";
import type { Future } from "./future.js";
import { Task } from "./task.js";

/** A future as a report names it: a task by its name, any other future as awaiting it reads ("Future#3"). */
export function futureName(fut: Future<unknown>): string {
  return fut instanceof Task ? fut.getName() : fut._awaitedInfo().text;
}

/**
 * Waiting on `futs` together: `what(Task-3, Task-4)`, the pending ones by
 * name, then how many are done and any `note`: `gather(Task-3; 1 done)`.
 * Each pending task is an edge of the wait-for graph ("Task-3 (in gather)").
 */
export function awaitingMany(what: string, futs: Iterable<Future<unknown>>, note?: string): WaitInfo {
  const seen = new Set<Future<unknown>>();
  const pending: string[] = [];
  const edges: WaitEdge[] = [];
  let done = 0;
  for (const fut of futs) {
    if (seen.has(fut)) continue; // gather(t, t): one child
    seen.add(fut);
    if (fut.done()) {
      done++;
      continue;
    }
    const name = futureName(fut);
    pending.push(name);
    if (fut instanceof Task) edges.push({ task: fut, via: `${name} (in ${what})` });
  }
  const extra = [done > 0 ? `${done} done` : "", note ?? ""].filter((x) => x !== "");
  return { text: `${what}(${nameList(pending)}${extra.length > 0 ? `; ${extra.join(", ")}` : ""})`, edges };
}
