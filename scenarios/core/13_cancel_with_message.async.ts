import { CancelledError, createTask, sleep } from "../../src/index.js";
import { log, py } from "../harness.js";

export const meta = {
  title: "cancel with a message",
  description: "The message passed to cancel(msg) is the CancelledError's message both inside the cancelled task and in the task that awaits it.",
};

async function sleeper() {
  try {
    await sleep(10);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    log("inner sees:", py(e));
    throw e;
  }
}

export async function main() {
  const t = createTask(() => sleeper());
  await sleep(1);
  t.cancel("stop now");
  try {
    await t;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    log("outer sees:", py(e));
  }
  log("cancelled() ->", t.cancelled());
}
