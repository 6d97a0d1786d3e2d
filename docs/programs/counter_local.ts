// The counter service on one machine: the server on 127.0.0.1, three page views.
import { startServer } from "vloop";
import { CounterClient, counterServer } from "./counter.js";

export async function main() {
  const server = await startServer(counterServer(), "127.0.0.1", 7000);
  const client = new CounterClient("127.0.0.1", 7000);
  for (let view = 1; view <= 3; view++) {
    console.log(`view ${view}: views = ${await client.incr("views")}`);
  }
  client.close();
  server.close();
  await server.waitClosed();
  console.log("server closed");
}
