import { Event, createTask, log, sleep } from "vloop";

async function waiter(event: Event) {
  await event.wait();
  log("waiter: woke up");
}

async function setter(event: Event) {
  event.set();
  log("setter: set the event");
}

export async function main() {
  const event = new Event();
  createTask(() => waiter(event));
  createTask(() => setter(event));
  await sleep(0);
  log("main: back from the first sleep(0)");
  await sleep(0);
  log("main: back from the second sleep(0)");
}
