// The counter service with its server on a host of its own, "counter", on a perfect network.
import { network, sleep, startServer } from "vloop";
import { CounterClient, counterServer } from "./counter.js";

export async function main() {
  network().host("counter", async () => {
    await startServer(counterServer(), "0.0.0.0", 7000);
  });
  await sleep(0.1); // the server starts listening
  const client = new CounterClient("counter", 7000);
  for (let view = 1; view <= 3; view++) {
    console.log(`view ${view}: views = ${await client.incr("views")}`);
  }
  client.close();
}
