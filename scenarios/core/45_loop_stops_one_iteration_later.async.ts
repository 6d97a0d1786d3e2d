import { createTask, sleep } from "../../src/index.js";
import { log } from "../harness.js";

export const meta = {
  title: "the loop stops one iteration after main",
  description: "run_until_complete stops through main's done callback, one iteration after main finishes, so other ready tasks get exactly one more step before shutdown.",
};

async function neighbour() {
  await sleep(1);
  log("neighbour woke with main");
  await sleep(0);
  log("neighbour: one iteration after main finished");
  await sleep(0);
  log("neighbour: two iterations after"); // only during shutdown: cancelled
}

export async function main() {
  const t = createTask(() => neighbour());
  await sleep(1);
  log("main returns");
  return t.getName();
}
