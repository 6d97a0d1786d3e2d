import { CancelledError, gather, sleep } from "../../src/index.js";
import { log } from "../harness.js";

export const meta = {
  title: "cancelling a gather cancels its children",
  description: "gather.cancel() cancels every child; the gather then fails with CancelledError yet reports cancelled() False, because it was completed with set_exception.",
};

async function child(name: string) {
  try {
    await sleep(10);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    log(name, "cancelled");
    throw e;
  }
}

export async function main() {
  const g = gather(() => child("a"), () => child("b"));
  await sleep(1);
  log("gather.cancel() ->", g.cancel());
  log("gather.cancelled() right after ->", g.cancelled());
  try {
    await g;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    log("await gather raised CancelledError");
  }
  log("gather.cancelled() ->", g.cancelled());
}
