import { Barrier, BrokenBarrierError, Queue, QueueEmpty, QueueFull } from "../../src/index.js";
import { log, py, pyRepr } from "../harness.js";

export const meta = {
  title: "str() of QueueEmpty, QueueFull and BrokenBarrierError",
  description: "asyncio raises QueueEmpty and QueueFull without a message, so str(e) is ''; BrokenBarrierError from a wait() on an aborted barrier says 'Barrier aborted'.",
};

export async function main() {
  const q = new Queue<number>(1);
  try {
    q.getNowait();
  } catch (e) {
    if (!(e instanceof QueueEmpty)) throw e;
    log(e.name, "str(e) =", pyRepr(py(e)));
  }
  q.putNowait(0);
  try {
    q.putNowait(1);
  } catch (e) {
    if (!(e instanceof QueueFull)) throw e;
    log(e.name, "str(e) =", pyRepr(py(e)));
  }
  const b = new Barrier(2);
  await b.abort();
  try {
    await b.wait();
  } catch (e) {
    if (!(e instanceof BrokenBarrierError)) throw e;
    log(e.name, "str(e) =", pyRepr(py(e)));
  }
}
