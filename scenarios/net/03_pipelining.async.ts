import { openConnection, startServer, type StreamReader, type StreamWriter } from "../../src/index.js";
import { b, iteration, log } from "../harness.js";

export const meta = { title: "pipelining", description: "The client sends three requests in one write; the server answers each as it parses it." };

export async function main() {
  let start = 0;
  async function handle(reader: StreamReader, writer: StreamWriter) {
    for (;;) {
      const line = await reader.readline();
      if (line.length === 0) break;
      log("server got", line, "iteration", iteration() - start);
      writer.write(new Uint8Array([...b("re:"), ...line]));
    }
    writer.close();
  }

  const server = await startServer(handle, "127.0.0.1", 0);
  const port = server.sockets[0].getsockname()[1];
  const [reader, writer] = await openConnection("127.0.0.1", port);
  start = iteration(); // the handler reads it too
  writer.write(b("a\nb\nc\n"));
  log("wrote", "iteration", iteration() - start);
  for (let i = 0; i < 3; i++) {
    const line = await reader.readline();
    log("client got", line, "iteration", iteration() - start);
  }
  writer.close();
  await writer.waitClosed();
  server.close();
  await server.waitClosed();
}
