import { FIRST_COMPLETED, FIRST_EXCEPTION, ValueError, asCompleted, createTask, gather, log, sleep, wait, type Future, type Task } from "vloop";

function* work(n: number) {
  yield* sleep(n);
  if (n === 2) throw new ValueError("two");
  return n;
}

function names(tasks: Set<Future<number>>) {
  return [...tasks].map((t) => (t as Task<number>).getName()).sort();
}

export function* main() {
  const results = yield* gather(work(1), work(2), { returnExceptions: true });
  log("gather:", results);

  const ts = [3, 2, 1].map((n) => createTask(work(n), { name: `w${n}` }));
  let [done, pending] = yield* wait(ts, { returnWhen: FIRST_COMPLETED });
  log("FIRST_COMPLETED: done", names(done), "pending", names(pending));
  [done, pending] = yield* wait(ts, { returnWhen: FIRST_EXCEPTION });
  log("FIRST_EXCEPTION: done", names(done), "pending", names(pending));
  [done, pending] = yield* wait(ts, { timeout: 0.5 });
  log("ALL_COMPLETED, timeout=0.5: done", names(done), "pending", names(pending));

  for (const nextDone of asCompleted([work(3), work(1), work(0.5)])) {
    log("as_completed ->", yield* nextDone);
  }
}
