import { afterAll, beforeAll, expect, test } from "vitest";
import { Runner, getRunningLoop, sleep, startServer } from "vloop";
import { CounterClient, counterServer } from "./counter_fixed.js";

// One loop for the whole file: the server beforeAll starts answers every test.
const runner = new Runner();
const counters = new Map<string, number>();
beforeAll(() => runner.run(async () => void (await startServer(counterServer(counters), "127.0.0.1", 7000))));
afterAll(() => runner.close()); // cancels what is left, as asyncio.run ends

async function view(requestId: string): Promise<number> {
  const client = new CounterClient("127.0.0.1", 7000);
  try {
    return await client.incr("views", requestId);
  } finally {
    client.close();
  }
}

test("a first view counts 1", async () => {
  expect(await runner.run(() => view("a"))).toBe(1);
});

test("the server still holds the count of the test before", async () => {
  expect(await runner.run(() => view("b"))).toBe(2);
  expect(await runner.run(() => view("b"))).toBe(2); // the same request id, sent again: counted once
  expect(counters.get("views")).toBe(2);
});

test("every run is on the runner's loop, whose clock goes on from run to run", async () => {
  const loop = await runner.run(async () => getRunningLoop());
  expect(loop).toBe(runner.getLoop());
  const before = loop.time();
  await runner.run(() => sleep(60));
  expect(loop.time()).toBe(before + 60);
});
