import { createTask, getRunningLoop, sleep } from "../../src/index.js";
import { log, pyFloat } from "../harness.js";

export const meta = {
  title: "float sums on the clock",
  description: "Deadlines are IEEE sums (0.1 + 0.2 = 0.30000000000000004), the clock lands on the earliest live deadline, and timers within 1e-9 of it wake in the same iteration.",
};

function now() {
  return pyFloat(getRunningLoop().time());
}

async function twoSteps() {
  await sleep(0.1);
  log("a after 0.1:", now());
  await sleep(0.2);
  log("a after 0.1 + 0.2:", now());
  await sleep(0.7);
  log("a after 0.7 more:", now());
}

async function oneStep() {
  await sleep(0.3);
  log("b after 0.3:", now());
}

async function alone() {
  await sleep(0.7);
  await sleep(0.1);
  log("c after 0.7 + 0.1:", now());
}

export async function main() {
  // a's second deadline is 0.1 + 0.2 = 0.30000000000000004 and b's is 0.3:
  // b's timer is the head, so the clock lands on 0.3, and a's deadline is
  // within the 1e-9 clock resolution, so both wake in that iteration at
  // 0.3.  c's 0.7 + 0.1 has no neighbour: the clock shows the float sum.
  const tasks = [twoSteps, oneStep, alone].map((f) => createTask(() => f()));
  for (const t of tasks) {
    await t;
  }
  log("main at", now());
}
