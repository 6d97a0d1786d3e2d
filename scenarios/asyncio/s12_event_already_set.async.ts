import { Event, createTask, sleep } from "../../src/index.js";
import { log } from "../harness.js";

export const meta = {
  title: "wait() on a set Event does not yield",
  description: "Event.wait() on an event that is already set returns True at once without suspending, so no other task runs in between.",
};

async function ticker() {
  for (let i = 0; i < 3; i++) {
    log("tick", i);
    await sleep(0);
  }
}

export async function main() {
  const ev = new Event();
  ev.set();
  const t = createTask(() => ticker(), { name: "ticker" });
  await sleep(0);
  for (let i = 0; i < 3; i++) {
    const r = await ev.wait();
    log("wait() on a set event ->", r);
  }
  log("ticker did not run in between");
  await sleep(0);
  log("after sleep(0)");
  await t;
}
