import { RuntimeError, openConnection, sleep, startServer, type StreamReader, type StreamWriter } from "../../src/index.js";
import { b, log } from "../harness.js";

export const meta = { title: "half close", description: "The client sends EOF, the server still answers on the open half, then closes." };

export async function main() {
  async function handle(reader: StreamReader, writer: StreamWriter) {
    const body = await reader.read();
    log("server got all", body);
    writer.write(b(`len=${body.length}`));
    await writer.drain();
    writer.close();
    await writer.waitClosed();
  }

  const server = await startServer(handle, "127.0.0.1", 0);
  const port = server.sockets[0].getsockname()[1];
  const [reader, writer] = await openConnection("127.0.0.1", port);
  writer.write(b("part1 "));
  await sleep(0.5);
  writer.write(b("part2"));
  writer.writeEof();
  try {
    writer.write(b("more"));
  } catch (e) {
    if (!(e instanceof RuntimeError)) throw e;
    log("RuntimeError", e);
  }
  log("reply", await reader.read());
  writer.close();
  await writer.waitClosed();
  server.close();
  await server.waitClosed();
}
