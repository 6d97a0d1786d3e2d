import { gather, sleep } from "vloop";
import { explore, replay } from "vloop/testing";

// The producer/consumer heisenbug: the consumer assumes the producer's first step already ran.
async function main(): Promise<void> {
  const state: { conn: string | null } = { conn: null };
  async function producer() {
    await sleep(0);
    state.conn = "connected";
  }
  async function consumer() {
    await sleep(0);
    if (state.conn === null) throw new Error("used before init");
  }
  async function noise() {
    for (let j = 0; j < 3; j++) await sleep(0);
  }
  await gather(() => noise(), producer, () => noise(), consumer, () => noise());
}

const r = await explore(() => main, { strategy: "dfs", runs: 500 });
if (r.failed) {
  console.log(r.report);
  // the shrunk tape fails the same way, every time
  await replay(() => main, r.shrunkTape!).catch((e) => console.log("replayed:", String(e)));
}
