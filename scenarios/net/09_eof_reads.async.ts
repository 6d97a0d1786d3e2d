import { openConnection, startServer, type StreamReader, type StreamWriter } from "../../src/index.js";
import { b, log } from "../harness.js";

export const meta = { title: "eof reads", description: "Every kind of read after EOF returns b''." };

export async function main() {
  async function handle(_reader: StreamReader, writer: StreamWriter) {
    writer.write(b("last line\n"));
    writer.close();
  }

  const server = await startServer(handle, "127.0.0.1", 0);
  const port = server.sockets[0].getsockname()[1];
  const [reader, writer] = await openConnection("127.0.0.1", port);
  log("readline", await reader.readline());
  log("readline", await reader.readline());
  log("at_eof", reader.atEof());
  log("read", await reader.read(5));
  log("read -1", await reader.read());
  log("readexactly 0", await reader.readexactly(0));
  writer.close();
  await writer.waitClosed();
  server.close();
  await server.waitClosed();
}
