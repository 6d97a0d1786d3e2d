import { IncompleteReadError, ValueError, openConnection, sleep, startServer, type StreamReader, type StreamWriter } from "../../src/index.js";
import { b, log } from "../harness.js";

export const meta = { title: "readexactly incomplete", description: "IncompleteReadError at EOF, ValueError for a negative size." };

export function* main() {
  function* handle(_reader: StreamReader, writer: StreamWriter) {
    writer.write(b("12345"));
    yield* sleep(1);
    writer.write(b("678"));
    writer.close();
  }

  const server = yield* startServer(handle, "127.0.0.1", 0);
  const port = server.sockets[0].getsockname()[1];
  const [reader, writer] = yield* openConnection("127.0.0.1", port);
  log("exactly 3", yield* reader.readexactly(3));
  try {
    yield* reader.readexactly(10);
  } catch (e) {
    if (!(e instanceof IncompleteReadError)) throw e;
    log("IncompleteReadError", e.partial, e.expected, e);
  }
  log("after", yield* reader.read());
  try {
    yield* reader.readexactly(-1);
  } catch (e) {
    if (!(e instanceof ValueError)) throw e;
    log("ValueError", e);
  }
  writer.close();
  yield* writer.waitClosed();
  server.close();
  yield* server.waitClosed();
}
