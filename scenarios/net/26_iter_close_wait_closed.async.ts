import { openConnection, sleep, startServer, type StreamReader, type StreamWriter } from "../../src/index.js";
import { b, iteration, log } from "../harness.js";

export const meta = { title: "iterations of closing", description: "writer.close() then wait_closed(): the iterations it takes, and when the peer sees EOF." };

export async function main() {
  const closedAt = { n: 0 };
  async function handle(reader: StreamReader, writer: StreamWriter) {
    const data = await reader.read();
    log("server read", data, "EOF at close +", iteration() - closedAt.n);
    writer.close();
    const n = iteration();
    await writer.waitClosed();
    log("server close + wait_closed took", iteration() - n);
  }

  const server = await startServer(handle, "127.0.0.1", 0);
  const port = server.sockets[0].getsockname()[1];
  const [, writer] = await openConnection("127.0.0.1", port);
  writer.write(b("bye"));
  closedAt.n = iteration();
  writer.close();
  log("is_closing", writer.isClosing());
  await writer.waitClosed();
  log("client close + wait_closed took", iteration() - closedAt.n);
  const n = iteration();
  await writer.waitClosed();
  log("second wait_closed took", iteration() - n);
  await sleep(1);
  server.close();
  await server.waitClosed();
}
