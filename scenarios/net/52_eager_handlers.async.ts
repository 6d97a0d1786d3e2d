import { eagerTaskFactory, gather, getRunningLoop, startServer } from "../../src/index.js";
import { log } from "../harness.js";
import { client, handle } from "./52_eager_handlers.gen.js";

export const meta = {
  title: "eager handlers",
  description:
    "With eager tasks, the server's accept task and each connection's handler task start eagerly: the handler runs up to its first read inside the accept, iterations earlier than with lazy tasks.",
};

// Eager tasks take generator coroutines in both styles (an async function's
// first step would end in microtasks, after createTask returns): main is an
// async function; the handler and the clients, started eagerly, are the
// generator twin's.
export async function main() {
  getRunningLoop().setTaskFactory(eagerTaskFactory);
  const server = await startServer(handle, "127.0.0.1", 0);
  const port = server.sockets[0].getsockname()[1] as number;
  log("gather ->", await gather(client(port, 1), client(port, 2)));
  server.close();
  await server.waitClosed();
  return "done";
}
