import { openConnection, startServer, type StreamReader, type StreamWriter } from "../../src/index.js";
import { b, log } from "../harness.js";

export const meta = {
  title: "FIN, then reset",
  description: "A reset that follows the peer's FIN: recv() reports the end of the stream, so readline() returns b''. Found by the fuzzer.",
};

export async function main() {
  async function handle(_reader: StreamReader, writer: StreamWriter) {
    writer.writeEof();
    writer.close();
    await writer.waitClosed();
    log("server closed");
  }

  const server = await startServer(handle, "127.0.0.1", 0);
  const port = server.sockets[0].getsockname()[1];
  const [reader, writer] = await openConnection("127.0.0.1", port);
  writer.write(b("hello\n"));
  log("client readline", await reader.readline());
  log("at_eof", reader.atEof(), "exception", reader.exception());
  writer.close();
  await writer.waitClosed();
  log("client closed");
  server.close();
  await server.waitClosed();
}
