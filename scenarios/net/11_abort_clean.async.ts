import { openConnection, startServer, type StreamReader, type StreamWriter } from "../../src/index.js";
import { b, log } from "../harness.js";

export const meta = { title: "clean abort", description: "transport.abort() with nothing unread closes at once: the peer sees a plain EOF." };

export async function main() {
  async function handle(_reader: StreamReader, writer: StreamWriter) {
    writer.write(b("sent at once")); // the kernel takes it inside write()
    writer.transport.abort();
    log("server aborted");
  }

  const server = await startServer(handle, "127.0.0.1", 0);
  const port = server.sockets[0].getsockname()[1];
  const [reader, writer] = await openConnection("127.0.0.1", port);
  log("read", await reader.read(100));
  log("read", await reader.read(100));
  writer.close();
  await writer.waitClosed();
  server.close();
  await server.waitClosed();
}
