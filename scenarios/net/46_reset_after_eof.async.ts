import { openConnection, sleep, startServer, type StreamReader, type StreamWriter } from "../../src/index.js";
import { b, iteration, log } from "../harness.js";

export const meta = {
  title: "reset after EOF",
  description: "A reset received in CLOSE_WAIT (after the peer's FIN) is EPIPE on Linux: the next write fails with BrokenPipeError. Found by the fuzzer.",
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
  const start = iteration();
  writer.write(b("one"));
  await writer.drain();
  log("first write and drain: no error yet", iteration() - start);
  await sleep(0);
  writer.write(b("two"));
  log("second write: is_closing", writer.isClosing());
  try {
    await writer.drain();
  } catch (e) {
    log("drain", (e as Error).name, (e as Error).message);
  }
  try {
    await reader.read();
  } catch (e) {
    log("read", (e as Error).name, (e as Error).message);
  }
  try {
    await writer.waitClosed();
  } catch (e) {
    log("wait_closed", (e as Error).name, (e as Error).message);
  }
  server.close();
  await server.waitClosed();
}
