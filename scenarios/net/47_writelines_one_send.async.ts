import { openConnection, sleep, startServer, type StreamReader, type StreamWriter } from "../../src/index.js";
import { b, log } from "../harness.js";

export const meta = {
  title: "writelines is one send",
  description: "writelines() hands its chunks to the kernel in one sendmsg(): to a closed peer it succeeds once, as one write() would. Found by the fuzzer.",
};

export async function main() {
  async function handle(_reader: StreamReader, writer: StreamWriter) {
    writer.close();
    await writer.waitClosed();
    log("server closed");
  }

  const server = await startServer(handle, "127.0.0.1", 0);
  const port = server.sockets[0].getsockname()[1];
  const [reader, writer] = await openConnection("127.0.0.1", port);
  log("client reads", await reader.read());
  writer.writelines([b("one"), b("two"), b("three")]);
  log("writelines: is_closing", writer.isClosing());
  await writer.drain();
  log("drain returned");
  await sleep(0);
  writer.writelines([b("four"), b("five")]);
  log("writelines again: is_closing", writer.isClosing());
  try {
    await writer.waitClosed();
  } catch (e) {
    log("wait_closed", (e as Error).name, (e as Error).message);
  }
  server.close();
  await server.waitClosed();
}
