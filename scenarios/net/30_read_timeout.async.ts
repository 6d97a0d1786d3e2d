import { TimeoutError, asyncWith, openConnection, sleep, startServer, timeout, waitFor, type StreamReader, type StreamWriter } from "../../src/index.js";
import { b, log } from "../harness.js";

export const meta = { title: "read timeout", description: "wait_for and timeout() around a read that gets nothing: TimeoutError at the deadline, and the stream still works." };

export async function main() {
  async function handle(_reader: StreamReader, writer: StreamWriter) {
    await sleep(3);
    writer.write(b("late\n"));
    writer.close();
  }

  const server = await startServer(handle, "127.0.0.1", 0);
  const port = server.sockets[0].getsockname()[1];
  const [reader, writer] = await openConnection("127.0.0.1", port);
  try {
    await waitFor(reader.readline(), 1);
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    log("TimeoutError");
  }
  try {
    await asyncWith(timeout(1), async function () {
      await reader.readexactly(4);
    });
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    log("TimeoutError again");
  }
  log("line", await reader.readline());
  writer.close();
  await writer.waitClosed();
  server.close();
  await server.waitClosed();
}
