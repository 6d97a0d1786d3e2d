import { CancelledError, ConnectionRefusedError, createTask, openConnection, startServer, type StreamReader, type StreamWriter } from "../../src/index.js";
import { b, log } from "../harness.js";

export const meta = { title: "serve_forever cancelled", description: "serve_forever() runs until cancelled; cancelling it closes the server." };

export async function main() {
  async function handle(reader: StreamReader, writer: StreamWriter) {
    writer.write(await reader.readline());
    writer.close();
  }

  const server = await startServer(handle, "127.0.0.1", 0);
  const port = server.sockets[0].getsockname()[1];
  const task = createTask(server.serveForever());
  const [reader, writer] = await openConnection("127.0.0.1", port);
  writer.write(b("ping\n"));
  log("echo", await reader.readline());
  writer.close();
  await writer.waitClosed();
  task.cancel();
  try {
    await task;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    log("serve_forever cancelled");
  }
  log("is_serving", server.isServing());
  await server.waitClosed();
  try {
    await openConnection("127.0.0.1", port);
  } catch (e) {
    if (!(e instanceof ConnectionRefusedError)) throw e;
    log("now refused");
  }
  return "done";
}
