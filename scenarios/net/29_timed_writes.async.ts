import { getRunningLoop, openConnection, sleep, startServer, type StreamReader, type StreamWriter } from "../../src/index.js";
import { b, log } from "../harness.js";

export const meta = { title: "timed writes", description: "IO takes no virtual time: bytes written at t arrive at t; a reader waiting since 0 wakes at each t." };

export async function main() {
  async function handle(_reader: StreamReader, writer: StreamWriter) {
    for (const delay of [0.25, 0.5, 1.0]) {
      await sleep(delay);
      writer.write(b("tick\n"));
      log("server wrote");
    }
    writer.close();
  }

  const server = await startServer(handle, "127.0.0.1", 0);
  const port = server.sockets[0].getsockname()[1];
  const [reader, writer] = await openConnection("127.0.0.1", port);
  for (;;) {
    const line = await reader.readline();
    if (line.length === 0) break;
    log("client got", line, getRunningLoop().time());
  }
  writer.close();
  await writer.waitClosed();
  server.close();
  await server.waitClosed();
}
