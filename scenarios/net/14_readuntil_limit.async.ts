import { LimitOverrunError, ValueError, openConnection, sleep, startServer, type StreamReader, type StreamWriter } from "../../src/index.js";
import { b, log } from "../harness.js";

export const meta = { title: "readuntil limit", description: "LimitOverrunError leaves the bytes buffered; readuntil(b'') is a ValueError." };

export async function main() {
  async function handle(_reader: StreamReader, writer: StreamWriter) {
    writer.write(b("0123456789|ab|"));
    await sleep(1);
    writer.write(b("cdefghijklmnop|"));
    writer.close();
  }

  const server = await startServer(handle, "127.0.0.1", 0);
  const port = server.sockets[0].getsockname()[1];
  const [reader, writer] = await openConnection("127.0.0.1", port, { limit: 8 });
  try {
    await reader.readuntil(b("|"));
  } catch (e) {
    if (!(e instanceof LimitOverrunError)) throw e;
    log("LimitOverrunError", e.consumed, e);
  }
  log("read 11", await reader.read(11));
  log("until", await reader.readuntil(b("|")));
  try {
    await reader.readuntil(b("|"));
  } catch (e) {
    if (!(e instanceof LimitOverrunError)) throw e;
    log("LimitOverrunError", e.consumed, e);
  }
  try {
    await reader.readuntil(b(""));
  } catch (e) {
    if (!(e instanceof ValueError)) throw e;
    log("ValueError", e);
  }
  log("rest", await reader.read());
  writer.close();
  await writer.waitClosed();
  server.close();
  await server.waitClosed();
}
