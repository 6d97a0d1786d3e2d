import { ConnectionRefusedError, openConnection, startServer, type StreamReader, type StreamWriter } from "../../src/index.js";
import { log } from "../harness.js";

export const meta = { title: "start_serving=False", description: "The socket is bound but not listening, so connecting is refused until start_serving()." };

export async function main() {
  async function handle(_reader: StreamReader, writer: StreamWriter) {
    log("handler");
    writer.close();
  }

  const server = await startServer(handle, "127.0.0.1", 0, { startServing: false });
  const port = server.sockets[0].getsockname()[1];
  log("is_serving", server.isServing());
  try {
    await openConnection("127.0.0.1", port);
  } catch (e) {
    if (!(e instanceof ConnectionRefusedError)) throw e;
    log("refused");
  }
  await server.startServing();
  log("is_serving", server.isServing());
  const [reader, writer] = await openConnection("127.0.0.1", port);
  log("read", await reader.read());
  writer.close();
  await writer.waitClosed();
  server.close();
  await server.waitClosed();
}
