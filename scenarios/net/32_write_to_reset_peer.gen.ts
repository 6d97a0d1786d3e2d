import { ConnectionResetError, openConnection, sleep, startServer, type StreamReader, type StreamWriter } from "../../src/index.js";
import { b, log } from "../harness.js";

export const meta = { title: "write to a reset peer", description: "The first write succeeds, the reset arrives, then drain() raises ConnectionResetError." };

export function* main() {
  function* handle(_reader: StreamReader, writer: StreamWriter) {
    writer.transport.pauseReading();
    yield* sleep(0.5);
    writer.transport.abort(); // unread bytes: a reset
  }

  const server = yield* startServer(handle, "127.0.0.1", 0);
  const port = server.sockets[0].getsockname()[1];
  const [reader, writer] = yield* openConnection("127.0.0.1", port);
  writer.write(b("first"));
  yield* sleep(1);
  writer.write(b("second"));
  try {
    yield* writer.drain();
    log("drain returned");
  } catch (e) {
    if (!(e instanceof ConnectionResetError)) throw e;
    log("ConnectionResetError", e.errno);
  }
  try {
    yield* writer.drain();
  } catch (e) {
    if (!(e instanceof ConnectionResetError)) throw e;
    log("again", e.name);
  }
  log("at_eof", reader.atEof(), "exception", (reader.exception() as Error).name);
  writer.close();
  server.close();
  yield* server.waitClosed();
}
