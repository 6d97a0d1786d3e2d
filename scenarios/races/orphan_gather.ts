/**
 * An orphan left by a failed gather: without returnExceptions, gather fails
 * as soon as one child fails and does not cancel the others. The handler
 * gives up and closes its session; the surviving sibling writes to it later.
 */
import { TaskGroup, asyncWith, createTask, gather, sleep } from "../../src/index.js";
import type { RaceMeta } from "./types.js";

export const meta: RaceMeta = {
  title: "an orphan task left by a failed gather",
  bug: "handle() runs checkQuota() and saveUpload() with gather(); checkQuota fails at 0.1 s, gather raises at once, the handler rolls back and closes the session, but saveUpload is not cancelled: when it is slower than the quota check it writes into the closed session after the rollback.",
  fix: "run the two in a TaskGroup: when checkQuota fails, the group cancels saveUpload and waits for it before the handler rolls back.",
  strategy: "dfs",
  budget: 50,
  heisenbug: true,
  throws: { name: "Error", message: /^orphan write: saveUpload wrote "upload 7" into session 1 after it was rolled back and closed$/ },
  options: { jitter: 0.05 },
};

class QuotaExceeded extends Error {
  override name = "QuotaExceeded";
}

function* server(fixed: boolean): Generator<unknown, void, unknown> {
  const session = { id: 1, open: true, rows: [] as string[] };
  const violations: string[] = [];

  function* checkQuota() {
    yield* sleep(0.1); // ask the quota service
    throw new QuotaExceeded("quota exceeded");
  }
  function* saveUpload() {
    yield* sleep(0.08); // store the blob (usually faster than the quota check)
    if (!session.open) violations.push(`saveUpload wrote "upload 7" into session ${session.id} after it was rolled back and closed`);
    session.rows.push("upload 7");
  }

  function* handle() {
    try {
      if (fixed) {
        yield* asyncWith(new TaskGroup(), function* (tg: TaskGroup) {
          tg.createTask(checkQuota(), { name: "checkQuota" });
          tg.createTask(saveUpload(), { name: "saveUpload" });
        });
      } else {
        yield* gather(createTask(checkQuota(), { name: "checkQuota" }), createTask(saveUpload(), { name: "saveUpload" }));
      }
    } catch {
      session.rows.length = 0; // roll back
      session.open = false; // and close: this request is over
      return "413 quota exceeded";
    }
    return "200 ok";
  }

  yield* handle();
  yield* sleep(1); // the server goes on serving other requests
  if (violations.length > 0) throw new Error(`orphan write: ${violations[0]}`);
}

export const buggy = () => server(false);
export const fixed = () => server(true);
