import { ConnectionResetError, createTask, openConnection, sleep, startServer } from "../../src/index.js";
import { log } from "../harness.js";

export const meta = {
  title: "close resets the backlog",
  description: "server.close() with a connection queued but not yet accepted: it is reset (ConnectionResetError 104); accepted ones stay open.",
};

export function* main() {
  function* handle() {}

  const server = yield* startServer(handle, "127.0.0.1", 0);
  const port = server.sockets[0].getsockname()[1];
  const [reader, writer] = yield* openConnection("127.0.0.1", port);
  const pending = createTask(openConnection("127.0.0.1", port));
  yield* sleep(0); // the second connect() is made: queued on the listener
  server.close();
  try {
    yield* pending;
    log("connected");
  } catch (e) {
    if (!(e instanceof ConnectionResetError)) throw e;
    log("open_connection raised ConnectionResetError", e.errno);
  }
  log("first connection at_eof", reader.atEof());
  writer.close();
  yield* writer.waitClosed();
}
