import { ConnectionResetError, openConnection, sleep, startServer, type StreamReader, type StreamWriter } from "../../src/index.js";
import { b, log } from "../harness.js";

export const meta = { title: "write after close", description: "write() after close() is dropped; drain() after close() raises ConnectionResetError once the connection is lost." };

export function* main() {
  function* handle(reader: StreamReader, writer: StreamWriter) {
    log("server got", yield* reader.read());
    writer.close();
  }

  const server = yield* startServer(handle, "127.0.0.1", 0);
  const port = server.sockets[0].getsockname()[1];
  const [, writer] = yield* openConnection("127.0.0.1", port);
  writer.write(b("kept"));
  writer.close();
  writer.write(b("dropped"));
  log("is_closing", writer.isClosing());
  try {
    yield* writer.drain();
    log("drain returned");
  } catch (e) {
    if (!(e instanceof ConnectionResetError)) throw e;
    log("drain raised", e.name);
  }
  yield* writer.waitClosed();
  try {
    yield* writer.drain();
    log("drain returned");
  } catch (e) {
    if (!(e instanceof ConnectionResetError)) throw e;
    log("drain raised", e.name, e);
  }
  yield* sleep(0.5);
  server.close();
  yield* server.waitClosed();
}
