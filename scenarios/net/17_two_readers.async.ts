import { RuntimeError, gather, openConnection, sleep, startServer, type StreamReader, type StreamWriter } from "../../src/index.js";
import { b, log } from "../harness.js";

export const meta = { title: "two readers", description: "Two tasks reading one StreamReader at once: the second gets RuntimeError at once." };

export async function main() {
  async function handle(_reader: StreamReader, writer: StreamWriter) {
    await sleep(1);
    writer.write(b("data"));
    writer.close();
  }

  const server = await startServer(handle, "127.0.0.1", 0);
  const port = server.sockets[0].getsockname()[1];
  const [reader, writer] = await openConnection("127.0.0.1", port);

  async function read(name: string) {
    try {
      log(name, "got", await reader.read(10));
    } catch (e) {
      if (!(e instanceof RuntimeError)) throw e;
      log(name, "RuntimeError", e);
    }
  }

  await gather(() => read("first"), () => read("second"));
  writer.close();
  await writer.waitClosed();
  server.close();
  await server.waitClosed();
}
