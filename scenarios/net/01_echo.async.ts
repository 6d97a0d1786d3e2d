import { openConnection, startServer, type StreamReader, type StreamWriter } from "../../src/index.js";
import { b, log } from "../harness.js";

export const meta = {
  title: "echo",
  description: "A stream echo server and one client: one line there and back, then both close.",
};

export async function main() {
  async function handle(reader: StreamReader, writer: StreamWriter) {
    const data = await reader.readline();
    log("server got", data);
    writer.write(data);
    await writer.drain();
    writer.close();
    await writer.waitClosed();
    log("server closed");
  }

  const server = await startServer(handle, "127.0.0.1", 0);
  const port = server.sockets[0].getsockname()[1];
  const [reader, writer] = await openConnection("127.0.0.1", port);
  writer.write(b("hello\n"));
  await writer.drain();
  log("client got", await reader.readline());
  log("then", await reader.read(100));
  writer.close();
  await writer.waitClosed();
  server.close();
  await server.waitClosed();
  return "done";
}
