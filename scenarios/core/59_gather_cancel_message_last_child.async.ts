import { CancelledError, type Future, createTask, gather, getRunningLoop, sleep } from "../../src/index.js";
import { log, pyRepr } from "../harness.js";

export const meta = {
  title: "a cancelled gather's message comes from its last child",
  description:
    "When a gather that was cancelled ends (return_exceptions, or children that swallowed the cancellation), its CancelledError is made by the last child in argument order (CPython's loop variable after its results loop), not by the child that finished last: a message one child was cancelled with shows only if that child is the last argument.",
};

async function gatherInTask(label: string, aws: Future<unknown>[], returnExceptions: boolean) {
  try {
    const r = await gather(...aws, { returnExceptions });
    log(label, "result", r);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    log(label, "CancelledError", pyRepr(e.message));
  }
}

async function swallow(name: string, d: number) {
  try {
    await sleep(d);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    log(name, "swallows", pyRepr(e.message));
  }
  await sleep(d);
  return name;
}

export async function main() {
  const loop = getRunningLoop();
  // f2 is cancelled with a message by a callback; then the gathering task is
  // cancelled, which cancels f1 (no message): f1 finishes last, but the
  // message comes from the last child in argument order
  for (const order of ["f1 f2", "f2 f1"]) {
    const f: Record<string, Future<number>> = { f1: loop.createFuture<number>(), f2: loop.createFuture<number>() };
    const t = createTask(() => gatherInTask(order, order.split(" ").map((n) => f[n]!), true));
    await sleep(0);
    loop.callSoon(() => f.f2!.cancel("m2"));
    await sleep(0);
    t.cancel();
    await sleep(0.1);
  }
  // the last child was not cancelled at all: its (empty) message
  let f1 = loop.createFuture<number>();
  let f2 = loop.createFuture<number>();
  let t = createTask(() => gatherInTask("f1 done", [f2, f1], true));
  await sleep(0);
  loop.callSoon(() => f2.cancel("m2"));
  await sleep(0);
  t.cancel();
  await sleep(0.1);
  // tasks that swallow the cancellation (with a message): none ends cancelled
  const a = createTask(() => swallow("a", 0.5));
  const b = createTask(() => swallow("b", 0.2));
  t = createTask(() => gatherInTask("swallowed", [a, b], false));
  await sleep(0.1);
  t.cancel("stop");
  await sleep(2);
  // the same argument twice: the last child is that future
  f1 = loop.createFuture<number>();
  f2 = loop.createFuture<number>();
  t = createTask(() => gatherInTask("twice", [f2, f1, f2], true));
  await sleep(0);
  loop.callSoon(() => f2.cancel("m2"));
  await sleep(0);
  t.cancel();
  await sleep(0.1);
  log("done");
}
