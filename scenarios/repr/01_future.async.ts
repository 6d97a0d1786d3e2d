import { Future, gather, getRunningLoop, sleep } from "../../src/index.js";
import { ValueError, log } from "../harness.js";

export const meta = {
  title: "repr of a Future",
  description: "A future prints its state, then result= through reprlib's limits or exception= in full; a gathering future is a _GatheringFuture.",
};

function onDone(): void {}

class MyFuture<T> extends Future<T> {}

export async function main() {
  const loop = getRunningLoop();
  const f = loop.createFuture<number>();
  log("new", String(f));
  f.addDoneCallback(onDone);
  f.addDoneCallback(onDone);
  log("two callbacks", String(f));
  f.setResult(42);
  log("done", String(f));
  const values = ["x", "it's", null, true, 2.5, [1, "a", null, [2.5]], "y".repeat(29), "z".repeat(40),
    Array.from({ length: 10 }, (_, i) => i), [[[[[[[1]]]]]]], new ValueError("boom"), -7];
  for (const value of values) {
    const g = loop.createFuture();
    g.setResult(value);
    log("result", String(g));
  }
  let g = loop.createFuture();
  g.setException(new ValueError("it's bad"));
  log("exception", String(g));
  g.exception();
  g = loop.createFuture();
  g.cancel("why");
  log("cancelled", String(g));
  const gf = gather(sleep(1, "a"), sleep(2, "b"));
  log("gather", String(gf));
  await gf;
  log("gather", String(gf));
  log("gather of nothing", String(gather()));
  const h = loop.createFuture();
  h.setResult(h);
  log("itself", String(h));
  log("subclass", String(new MyFuture()));
}
