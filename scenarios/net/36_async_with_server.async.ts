import { asyncWith, openConnection, startServer, type StreamReader, type StreamWriter } from "../../src/index.js";
import { b, log } from "../harness.js";

export const meta = { title: "async with server", description: "Leaving `async with server` closes the server and waits for it; reading lines until EOF." };

export async function main() {
  async function handle(reader: StreamReader, writer: StreamWriter) {
    for await (const line of reader) log("server line", line); // async for line in reader
    writer.close();
    log("handler done");
  }

  const server = await startServer(handle, "127.0.0.1", 0);
  await asyncWith(server, async function () {
    const port = server.sockets[0].getsockname()[1];
    const [reader, writer] = await openConnection("127.0.0.1", port);
    writer.writelines([b("one\n"), b("two\n"), b("three")]);
    writer.writeEof();
    log("client read", await reader.read());
    writer.close();
    await writer.waitClosed();
  });
  log("is_serving", server.isServing());
  return "done";
}
