import { Lock, asyncWith } from "../../src/index.js";
import { log } from "../harness.js";

export const meta = {
  title: "Lock states",
  description: "A Lock starts unlocked; acquire() returns True and locks it, release() and leaving `async with` unlock it.",
};

export function* main() {
  const lock = new Lock();
  log("locked() at start:", lock.locked());
  const r = yield* lock.acquire();
  log("acquire() ->", r, "locked():", lock.locked());
  lock.release();
  log("after release() locked():", lock.locked());
  yield* asyncWith(lock, function* () {
    log("inside async with, locked():", lock.locked());
  });
  log("after async with, locked():", lock.locked());
  return lock.locked();
}
