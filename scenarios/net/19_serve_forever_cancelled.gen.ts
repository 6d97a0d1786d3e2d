import { CancelledError, ConnectionRefusedError, createTask, openConnection, startServer, type StreamReader, type StreamWriter } from "../../src/index.js";
import { b, log } from "../harness.js";

export const meta = { title: "serve_forever cancelled", description: "serve_forever() runs until cancelled; cancelling it closes the server." };

export function* main() {
  function* handle(reader: StreamReader, writer: StreamWriter) {
    writer.write(yield* reader.readline());
    writer.close();
  }

  const server = yield* startServer(handle, "127.0.0.1", 0);
  const port = server.sockets[0].getsockname()[1];
  const task = createTask(server.serveForever());
  const [reader, writer] = yield* openConnection("127.0.0.1", port);
  writer.write(b("ping\n"));
  log("echo", yield* reader.readline());
  writer.close();
  yield* writer.waitClosed();
  task.cancel();
  try {
    yield* task;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    log("serve_forever cancelled");
  }
  log("is_serving", server.isServing());
  yield* server.waitClosed();
  try {
    yield* openConnection("127.0.0.1", port);
  } catch (e) {
    if (!(e instanceof ConnectionRefusedError)) throw e;
    log("now refused");
  }
  return "done";
}
