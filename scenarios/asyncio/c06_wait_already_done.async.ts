import { FIRST_COMPLETED, createTask, getRunningLoop, sleep, wait } from "../../src/index.js";
import { log } from "../harness.js";

export const meta = {
  title: "wait() on futures that are already done",
  description: "wait() on done futures still suspends: their done callbacks run one iteration later and wake the waiter one iteration after that.",
};

async function ticker() {
  for (let i = 0; i < 4; i++) {
    log("tick", i);
    await sleep(0);
  }
}

async function quick(n: number) {
  return n;
}

export async function main() {
  const loop = getRunningLoop();
  const a = createTask(() => quick(1), { name: "a" });
  const b = createTask(() => quick(2), { name: "b" });
  await sleep(0);
  log("a, b done", a.done(), b.done());
  const f = loop.createFuture<number | string>();
  f.setResult("f");
  createTask(() => ticker(), { name: "ticker" });
  log("wait starts");
  const [done, pending] = await wait<number | string>([a, b, f], { returnWhen: FIRST_COMPLETED });
  log("wait returned", done.size, pending.size);
  return [a.result(), b.result(), f.result()];
}
