import { Lock, RuntimeError, asyncWith } from "../../src/index.js";
import { log } from "../harness.js";

export const meta = {
  title: "releasing an unlocked Lock",
  description: "Lock.release() on an unlocked lock raises RuntimeError('Lock is not acquired.').",
};

export async function main() {
  const lock = new Lock();
  try {
    lock.release();
  } catch (e) {
    if (!(e instanceof RuntimeError)) throw e;
    log("release() on a fresh lock:", e.name, e);
  }
  await asyncWith(lock, async () => {});
  try {
    lock.release();
  } catch (e) {
    if (!(e instanceof RuntimeError)) throw e;
    log("release() after async with:", e.name, e);
  }
  await lock.acquire();
  lock.release();
  lock.release();
  log("never reached");
}
