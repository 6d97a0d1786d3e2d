import { sleep } from "../../src/index.js";
import { log } from "../harness.js";

export const meta = {
  title: "nested coroutine awaits",
  description: "Awaiting a coroutine runs it inside the awaiting task, with no new task and no extra loop iteration.",
};

async function level3() {
  log("level3 start");
  await sleep(1);
  log("level3 end");
  return 3;
}

async function level2() {
  log("level2 start");
  const v = await level3();
  log("level2 end");
  return v * 10;
}

async function level1() {
  log("level1 start");
  const v = await level2();
  log("level1 end");
  return v + 1;
}

export async function main() {
  // Awaiting a coroutine runs it inside the same task: no new task and
  // no extra loop iteration.
  const v = await level1();
  log("value", v);
  return v;
}
