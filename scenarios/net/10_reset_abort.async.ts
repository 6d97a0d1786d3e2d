import { ConnectionResetError, Event, openConnection, sleep, startServer, type StreamReader, type StreamWriter } from "../../src/index.js";
import { b, log } from "../harness.js";

export const meta = { title: "reset on abort", description: "transport.abort() with unread bytes sends a reset: the peer's read raises ConnectionResetError." };

export async function main() {
  const aborted = new Event();
  async function handle(_reader: StreamReader, writer: StreamWriter) {
    writer.transport.pauseReading(); // the client's bytes wait unread in the kernel
    await sleep(0.5);
    writer.transport.abort();
    log("server aborted", writer.isClosing());
    aborted.set();
  }

  const server = await startServer(handle, "127.0.0.1", 0);
  const port = server.sockets[0].getsockname()[1];
  const [reader, writer] = await openConnection("127.0.0.1", port);
  writer.write(b("unread"));
  await aborted.wait();
  try {
    const data = await reader.read(100);
    log("read", data);
  } catch (e) {
    if (!(e instanceof ConnectionResetError)) throw e;
    log("ConnectionResetError", e.errno === 104);
  }
  log("is_closing", writer.isClosing());
  writer.close();
  try {
    await writer.waitClosed();
  } catch (e) {
    if (!(e instanceof ConnectionResetError)) throw e;
    log("wait_closed raised ConnectionResetError");
  }
  server.close();
  await server.waitClosed();
}
