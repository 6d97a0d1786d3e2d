import { OSError, openConnection, sleep, startServer, type StreamReader, type StreamWriter } from "../../src/index.js";
import { b, log } from "../harness.js";

export const meta = {
  title: "write_eof after a reset",
  description: "shutdown(SHUT_WR) on a reset socket is ENOTCONN: write_eof() raises OSError 107. Found by the fuzzer.",
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
  writer.write(b("unread"));
  await sleep(0);
  try {
    writer.writeEof();
    log("write_eof returned");
  } catch (e) {
    if (!(e instanceof OSError)) throw e;
    log("write_eof", e.name, e.errno, e.message);
  }
  try {
    log("client read", await reader.read());
  } catch (e) {
    log("read", (e as Error).name, (e as Error).message);
  }
  writer.close();
  try {
    await writer.waitClosed();
  } catch (e) {
    log("wait_closed", (e as Error).name, (e as Error).message);
  }
  server.close();
  await server.waitClosed();
}
