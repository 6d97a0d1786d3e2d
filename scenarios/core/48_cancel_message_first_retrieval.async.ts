import { CancelledError, createTask, gather, sleep } from "../../src/index.js";
import { log, py } from "../harness.js";

export const meta = {
  title: "a cancel message reaches only the first retrieval",
  description: "A cancelled task hands the CancelledError it ended with (carrying the cancel message) to the first result()/await only; later awaits, and gather(return_exceptions=True), get a CancelledError with an empty message.",
};

async function nap() {
  await sleep(10);
}

export async function main() {
  const t1 = createTask(() => nap());
  const t2 = createTask(() => nap());
  await sleep(1);
  t1.cancel("bye");
  t2.cancel("bye");
  await sleep(0);
  // The task keeps the CancelledError it ended with and hands that very
  // object to the first result()/await; later ones get a new, empty one.
  for (let i = 0; i < 2; i++) {
    try {
      await t1;
    } catch (e) {
      if (!(e instanceof CancelledError)) throw e;
      log("await t1 #", i, "message: [" + py(e) + "]");
    }
  }
  // gather builds its own CancelledError from the task's cancel message,
  // which Future.cancel() reset to None when the task finished.
  const results = await gather(t2, { returnExceptions: true });
  log("gather(t2) message: [" + py(results[0]) + "]");
  try {
    await t2;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    log("then await t2 message: [" + py(e) + "]");
  }
}
