import { createTask, getRunningLoop, shield } from "../../src/index.js";
import { log } from "../harness.js";

export const meta = {
  title: "shield() of a done future",
  description: "shield() returns a done future itself (no new future); for a pending one it returns a new outer future, and cancelling that leaves the inner untouched.",
};

async function quick() {
  return 7;
}

export async function main() {
  const loop = getRunningLoop();
  const f = loop.createFuture<string>();
  f.setResult("done already");
  log("shield(f) is f:", shield(f) === f);
  log("await ->", await shield(f));
  const t = createTask(() => quick());
  const s = shield(t);
  log("pending task: shield(t) is t:", s === t);
  s.cancel();
  log("outer cancelled", s.cancelled(), "inner cancelled", t.cancelled());
  const r = await t;
  log("inner result", r);
  log("shield(t) is t now:", shield(t) === t);
  return r;
}
