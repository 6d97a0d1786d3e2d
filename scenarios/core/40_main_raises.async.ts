import { CancelledError, createTask, sleep } from "../../src/index.js";
import { log, ValueError } from "../harness.js";

export const meta = {
  title: "main raises",
  description: "An exception escaping main ends the run with \"raised <class>\", and the leftover tasks are still cancelled at shutdown.",
};

async function background() {
  try {
    await sleep(10);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    log("background cancelled after main raised");
    throw e;
  }
}

export async function main() {
  createTask(() => background());
  log("main about to fail");
  await sleep(1);
  throw new ValueError("main failed");
}
