import { createTask, sleep } from "../../src/index.js";
import { log, RuntimeError } from "../harness.js";

export const meta = {
  title: "main awaits a task that raises",
  description: "Awaiting a task re-raises the exception the task ended with.",
};

async function crasher() {
  await sleep(1);
  log("crasher raises");
  throw new RuntimeError("crash");
}

export async function main() {
  const t = createTask(() => crasher());
  log("awaiting crasher");
  await t;
  log("never reached");
}
