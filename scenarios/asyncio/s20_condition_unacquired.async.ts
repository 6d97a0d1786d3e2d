import { Condition, RuntimeError } from "../../src/index.js";
import { log } from "../harness.js";

export const meta = {
  title: "Condition methods without the lock",
  description: "wait(), wait_for(), notify() and notify_all() without holding the lock raise RuntimeError with CPython's messages; release() raises the Lock's RuntimeError.",
};

export async function main() {
  const cond = new Condition();
  try {
    await cond.wait();
  } catch (e) {
    if (!(e instanceof RuntimeError)) throw e;
    log("wait():", e.name, e);
  }
  try {
    cond.notify();
  } catch (e) {
    if (!(e instanceof RuntimeError)) throw e;
    log("notify():", e.name, e);
  }
  try {
    cond.notifyAll();
  } catch (e) {
    if (!(e instanceof RuntimeError)) throw e;
    log("notify_all():", e.name, e);
  }
  try {
    await cond.waitFor(() => false);
  } catch (e) {
    if (!(e instanceof RuntimeError)) throw e;
    log("wait_for():", e.name, e);
  }
  try {
    cond.release();
  } catch (e) {
    if (!(e instanceof RuntimeError)) throw e;
    log("release():", e.name, e);
  }
  return cond.locked();
}
