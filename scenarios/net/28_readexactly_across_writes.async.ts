import { openConnection, sleep, startServer, type StreamReader, type StreamWriter } from "../../src/index.js";
import { b, log } from "../harness.js";

export const meta = { title: "readexactly across writes", description: "readexactly(10) gathers three writes made at different times; readline waits across chunks too." };

export async function main() {
  async function handle(_reader: StreamReader, writer: StreamWriter) {
    for (const part of ["abc", "defg", "hij", "par", "tial\n"]) {
      writer.write(b(part));
      await sleep(0.1);
    }
    writer.close();
  }

  const server = await startServer(handle, "127.0.0.1", 0);
  const port = server.sockets[0].getsockname()[1];
  const [reader, writer] = await openConnection("127.0.0.1", port);
  log("exactly", await reader.readexactly(10));
  log("line", await reader.readline());
  log("eof", await reader.read());
  writer.close();
  await writer.waitClosed();
  server.close();
  await server.waitClosed();
}
