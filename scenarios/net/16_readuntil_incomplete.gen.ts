import { IncompleteReadError, openConnection, startServer, type StreamReader, type StreamWriter } from "../../src/index.js";
import { b, log } from "../harness.js";

export const meta = { title: "readuntil incomplete", description: "EOF before the separator: IncompleteReadError with expected None, buffer emptied." };

export function* main() {
  function* handle(_reader: StreamReader, writer: StreamWriter) {
    writer.write(b("a;b;no-separator"));
    writer.close();
  }

  const server = yield* startServer(handle, "127.0.0.1", 0);
  const port = server.sockets[0].getsockname()[1];
  const [reader, writer] = yield* openConnection("127.0.0.1", port);
  log("until", yield* reader.readuntil(b(";")));
  log("until", yield* reader.readuntil(b(";")));
  try {
    yield* reader.readuntil(b(";"));
  } catch (e) {
    if (!(e instanceof IncompleteReadError)) throw e;
    log("IncompleteReadError", e.partial, e.expected, e);
  }
  log("rest", yield* reader.read());
  writer.close();
  yield* writer.waitClosed();
  server.close();
  yield* server.waitClosed();
}
